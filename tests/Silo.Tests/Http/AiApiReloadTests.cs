using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Locks;
using AriaPro.Silo.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AriaPro.Silo.Tests.Http;

[Trait("Category", "Unit")]
public sealed class AiApiReloadTests
{
    private static readonly ModelManifest Manifest = new(3, 5, DateTimeOffset.UnixEpoch, [new("eurusd-direction", "1", "eurusd-direction.onnx", "aa", "bb")]);

    [Fact]
    public async Task Reload_AnotherReloadHoldsTheLock_409Problem()
    {
        var registry = new Registry(new LockUnavailableException("models:reload", TimeSpan.FromSeconds(10)));

        var result = await AiApi.Reload(FixedGrainFactory.Returning(registry));

        var problem = Assert.IsType<ProblemHttpResult>(result.Result);
        Assert.Equal(StatusCodes.Status409Conflict, problem.StatusCode);
        Assert.Equal("Model reload already running", problem.ProblemDetails.Title);
        Assert.Contains("lock 'models:reload' is held by another holder", problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_NothingWritten_409ProblemWithTheReason()
    {
        var registry = new Registry(new ModelReloadResult(false, "fencing token 4 is not newer than 5, under which manifest 3 was written; nothing written", Manifest, []));

        var result = await AiApi.Reload(FixedGrainFactory.Returning(registry));

        var problem = Assert.IsType<ProblemHttpResult>(result.Result);
        Assert.Equal(StatusCodes.Status409Conflict, problem.StatusCode);
        Assert.Equal("fencing token 4 is not newer than 5, under which manifest 3 was written; nothing written. The cluster keeps serving manifest 3.", problem.ProblemDetails.Detail);
    }

    [Fact]
    public async Task Reload_Written_200WithTheResult()
    {
        var written = new ModelReloadResult(true, "manifest 3: eurusd-direction v1; 0 rejected", Manifest, []);

        var result = await AiApi.Reload(FixedGrainFactory.Returning(new Registry(written)));

        Assert.Same(written, Assert.IsType<Ok<ModelReloadResult>>(result.Result).Value);
    }

    private sealed class Registry : IModelRegistryGrain
    {
        private readonly Task<ModelReloadResult> _reload;

        public Registry(Exception error) => _reload = Task.FromException<ModelReloadResult>(error);

        public Registry(ModelReloadResult result) => _reload = Task.FromResult(result);

        public Task<ModelReloadResult> Reload() => _reload;

        public Task<ModelManifest> GetManifest() => Task.FromResult(Manifest);
    }
}
