using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AriaPro.Silo.Tests.Hosting;
using CsCheck;

namespace AriaPro.Silo.Tests.Http;

/// <summary>
/// Generated hostile bodies (CsCheck) against the endpoints that read one, over real sockets: the
/// answer is always a success or a 4xx problem, never a 5xx, and a refused request changes nothing.
/// A failure prints the smallest body CsCheck could shrink it to.
/// </summary>
[Trait("Category", "Integration")]
public sealed class GeneratedBodyTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const int Iterations = 150;

    private static readonly string[] OrderFields = ["clientOrderId", "symbol", "side", "quantity", "type", "limitPrice"];
    private static readonly string[] TokenFields = ["apiKey", "cookie"];
    private static readonly string[] KeyFields = ["name", "roles"];
    private static readonly string[] AnalyzeFields = ["returns", "riskFreeRate", "requiredReturn", "periodsPerYear", "varConfidence", "cvarConfidence"];

    private HttpClient Http => fixture.Host.Http;

    [Fact]
    public async Task PostOrder_GeneratedBodies_SuccessOr4xxProblemAndARefusedOrderNeverExists()
    {
        var (ids, sent) = (0, 0);
        await Body(OrderFields, Values(["Buy", "Sell", "Market", "Limit", "EURUSD", "eurusd", "GBPUSD"], ["0.01", "1", "0.5"]))
            .SampleAsync(async body =>
            {
                Interlocked.Increment(ref sent);
                var id = $"gen-{Interlocked.Increment(ref ids)}-{Guid.NewGuid():N}"[..24];
                var bytes = Encoding.UTF8.GetBytes(body.Text.Replace("@ID", id, StringComparison.Ordinal));
                var (status, problem) = await Post(Http, "/trading/orders", body.Corrupt(bytes));

                if (status is HttpStatusCode.Created or HttpStatusCode.OK)
                {
                    return;
                }

                AssertRefusal(status, problem, body);
                using var read = await Http.GetAsync($"/trading/orders/{id}");
                Assert.True(read.StatusCode == HttpStatusCode.NotFound, $"a refused order exists ({read.StatusCode}): {body}");
            }, iter: Iterations, threads: 1, print: b => b.ToString());

        Assert.True(sent >= Iterations, $"only {sent} bodies were sent");
    }

    [Fact]
    public async Task PostToken_GeneratedBodies_SuccessOr4xxProblem()
    {
        var sent = 0;
        var anonymous = fixture.Host.Anonymous;
        await Body(TokenFields, Values([TestAuth.AdminKey, "aria_x_y"], ["true", "false"]))
            .SampleAsync(async body =>
            {
                Interlocked.Increment(ref sent);
                var (status, problem) = await Post(anonymous, "/auth/token", body.Corrupt(Encoding.UTF8.GetBytes(body.Text)));
                if (status != HttpStatusCode.OK)
                {
                    AssertRefusal(status, problem, body);
                }
            }, iter: Iterations, threads: 1, print: b => b.ToString());

        Assert.True(sent >= Iterations, $"only {sent} bodies were sent");
    }

    [Fact]
    public async Task PostApiKey_GeneratedBodies_SuccessOr4xxProblemAndARefusalCreatesNoKey()
    {
        var sent = 0;
        await Body(KeyFields, Values(["desk", "viewer", "trader", "admin"], ["[\"viewer\"]", "[\"trader\",\"viewer\"]"]))
            .SampleAsync(async body =>
            {
                Interlocked.Increment(ref sent);
                var before = (await Http.GetFromJsonAsync<JsonArray>("/security/api-keys"))!.Count;
                var (status, problem) = await Post(Http, "/security/api-keys", body.Corrupt(Encoding.UTF8.GetBytes(body.Text)));
                var after = (await Http.GetFromJsonAsync<JsonArray>("/security/api-keys"))!.Count;

                if (status == HttpStatusCode.Created)
                {
                    Assert.Equal(before + 1, after);
                    return;
                }

                AssertRefusal(status, problem, body);
                Assert.True(before == after, $"a refused key request changed the key list ({before} -> {after}): {body}");
            }, iter: Iterations, threads: 1, print: b => b.ToString());

        Assert.True(sent >= Iterations, $"only {sent} bodies were sent");
    }

    [Fact]
    public async Task PostAnalyze_GeneratedBodies_SuccessOr4xxProblem()
    {
        var sent = 0;
        await Body(AnalyzeFields, Values([], ["[0.01,-0.02,0.005]", "[]", "0.95", "252", "0.0"]))
            .SampleAsync(async body =>
            {
                Interlocked.Increment(ref sent);
                var (status, problem) = await Post(Http, "/trading/risk/analyze", body.Corrupt(Encoding.UTF8.GetBytes(body.Text)));
                if (status != HttpStatusCode.OK)
                {
                    AssertRefusal(status, problem, body);
                }
            }, iter: Iterations, threads: 1, print: b => b.ToString());

        Assert.True(sent >= Iterations, $"only {sent} bodies were sent");
    }

    private static void AssertRefusal(HttpStatusCode status, Problem problem, GeneratedBody body)
    {
        Assert.True((int)status is >= 400 and < 500, $"answered {(int)status}: {problem.Text}\nbody: {body}");
        Assert.True(problem.ContentType == "application/problem+json", $"a {(int)status} that is not a problem ({problem.ContentType}): {problem.Text}\nbody: {body}");
        Assert.True(problem.Json?["status"] is not null && problem.Json["title"] is not null, $"a {(int)status} problem without status or title: {problem.Text}");
    }

    private static async Task<(HttpStatusCode Status, Problem Problem)> Post(HttpClient http, string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: the assertion on the content type says so.
        }

        return (response.StatusCode, new Problem(response.Content.Headers.ContentType?.MediaType, text.Length > 500 ? text[..500] : text, json));
    }

    // A value for a field: a plausible one of the endpoint's, or something hostile.
    private static Gen<string> Values(string[] strings, string[] raw) => Gen.Frequency(
        (3, (IGen<string>)Gen.OneOf<string>([.. strings.Select(Quote), .. raw, .. strings.Length == 0 ? [] : new[] { Quote(strings[0]) }])),
        (2, (IGen<string>)Gen.OneOf<string>(
            Quote("Buy,Sell"), Quote("Buy, Buy, Sell"), Quote("Market,Limit"), Quote(" Buy"), Quote("buy\n"), Quote("id\n"), Quote(" id "),
            Quote("\u0000"), Quote("\u001b[31mred"), Quote("\u202Eevil"), "\"\\ud800\"", Quote(""), Quote(new string('x', 300)),
            Quote("\u017Fell"), Quote("1"), Quote("NaN"), Quote("Infinity"))),
        (2, (IGen<string>)Gen.OneOf<string>(
            "0", "-1", "-0", "1e400", "-1e400", "1e-400", "0.010000000000000000000000000001", "0.001", "1000.01", "999999999999999999999999999999999",
            "1E2", "0.5e1", "12345678901234567890123456789012345678901234567890", "1.0000000000000000000000000000000000000000000000000000000000000000001")),
        (1, (IGen<string>)Gen.OneOf<string>("null", "true", "false", "[]", "{}", "[1,\"a\",null]", "{\"a\":{\"b\":[]}}", "[[[[[[[[[[]]]]]]]]]]")));

    // A body: an object with some of the fields (a value each, a field maybe twice, maybe one it
    // does not know) or a value that is no object at all; then maybe corrupted byte-wise.
    private static Gen<GeneratedBody> Body(string[] fields, Gen<string> values)
    {
        var member = Gen.Select(Gen.OneOf<string>([.. fields, "unknownField", "Quantity", "quantit\\u0079", ""]), values, (name, value) => $"\"{name}\":{value}");
        var idMember = Gen.OneOf<string>("\"clientOrderId\":\"@ID\"", "");
        var objectText = Gen.Select(idMember, member.Array[0, 7], Gen.Bool, (id, members, duplicate) =>
        {
            var parts = new List<string>();
            if (id.Length > 0 && fields.Contains("clientOrderId"))
            {
                parts.Add(id);
            }

            parts.AddRange(members);
            if (duplicate && parts.Count > 0)
            {
                parts.Add(parts[0]);
            }

            return "{" + string.Join(',', parts) + "}";
        });
        var text = Gen.Frequency((9, (IGen<string>)objectText), (1, values));
        return Gen.Select(text, Gen.Int[0, 5], Gen.Int[0, 1000], (body, corruption, at) => new GeneratedBody(body, corruption, at));
    }

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private sealed record Problem(string? ContentType, string Text, JsonObject? Json);

    /// <summary>A body's text and how its bytes are corrupted: 0-1 not at all, 2 cut short, 3 an invalid UTF-8 byte, 4 a BOM, 5 trailing garbage.</summary>
    public sealed record GeneratedBody(string Text, int Corruption, int At)
    {
        public byte[] Corrupt(byte[] bytes)
        {
            var at = bytes.Length == 0 ? 0 : At % bytes.Length;
            return Corruption switch
            {
                2 => bytes[..at],
                3 => [.. bytes[..at], 0xFF, .. bytes[at..]],
                4 => [0xEF, 0xBB, 0xBF, .. bytes],
                5 => [.. bytes, .. "}{"u8.ToArray()],
                _ => bytes,
            };
        }

        public override string ToString() => $"{Text} (corruption {Corruption} at {At})";
    }
}
