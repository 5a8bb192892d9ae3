// Trains the EURUSD next-day direction model and writes models/eurusd-direction.{onnx,mlnet.zip,json}.
//
//   dotnet run --project tools/ModelTrainer -- ../shared/data/eurusd-daily-2005-2018.csv models
//
// Both arguments are optional; the defaults above are relative to the repository root (the folder
// holding AriaPro.sln), explicit arguments to the current directory. The run is deterministic (fixed
// seed, one SDCA thread): a rerun writes byte-identical .onnx and .json files, and a .mlnet.zip whose
// entries are identical (only the zip's timestamps differ). It exits 1 if the ONNX export disagrees
// with ML.NET by more than 1e-5 on the test days.
using System.Globalization;
using AriaPro.Grains.MarketData;
using AriaPro.Grains.Signals.Features;
using AriaPro.Grains.Signals.Models;
using AriaPro.ModelTrainer;

const string ModelId = "eurusd-direction";
const string DefaultCsv = "../shared/data/eurusd-daily-2005-2018.csv";
string[] features = ["ret_1", "ret_5", "ret_20", "rsi_14", "bollinger_z_20", "atr_ratio_14_50", "channel_position_20", "ma_gap_10_40"];

var root = RepoRoot.Find(Directory.GetCurrentDirectory());
var csvPath = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.GetFullPath(Path.Combine(root, DefaultCsv));
var modelsDir = args.Length > 1 ? Path.GetFullPath(args[1]) : Path.Combine(root, "models");
Directory.CreateDirectory(modelsDir);

var read = CsvBarReader.ReadFile(csvPath);
Console.WriteLine($"bars: {read.Bars.Count} from {csvPath} ({read.Errors.Count} malformed rows skipped)");
var data = Dataset.Build(read.Bars, features);
var trainCount = (int)(data.Rows.Count * DirectionTrainer.TrainShare);
var train = data.Rows.Take(trainCount).ToList();
var test = data.Rows.Skip(trainCount).ToList();

var trainer = new DirectionTrainer(features.Length);
var model = trainer.Train(train);
var (trainAccuracy, _) = trainer.Evaluate(model, train);
var (testAccuracy, testAuc) = trainer.Evaluate(model, test);
var upShare = test.Count(r => r.Label) / (double)test.Count;
string Day(int row) => data.Bars[data.Days[row]].Time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
Console.WriteLine($"train: {train.Count} days {Day(0)}..{Day(trainCount - 1)}, accuracy {DirectionTrainer.Percent(trainAccuracy)}");
Console.WriteLine($"test:  {test.Count} days {Day(trainCount)}..{Day(data.Rows.Count - 1)}, accuracy {DirectionTrainer.Percent(testAccuracy)}, AUC {testAuc:0.000}, up days {DirectionTrainer.Percent(upShare)}");
Console.WriteLine("       Daily direction from these features is close to a coin toss: the model is a real, exercised pipeline, not an edge.");

var onnxPath = Path.Combine(modelsDir, ModelId + ".onnx");
var mlnetPath = Path.Combine(modelsDir, ModelId + ".mlnet.zip");
var sidecarPath = Path.Combine(modelsDir, ModelId + ".json");
trainer.Save(model, mlnetPath, onnxPath);
var sidecar = new OnnxModelSidecar
{
    Id = ModelId,
    Version = "1",
    Features = features,
    Input = "Features",
    Output = "Probability.output",
    OutputKind = OnnxModelSidecar.ProbabilityKind,
    BarsNeeded = FeatureSet.BarsNeeded,
    TrainedOn = $"{Path.GetFileName(csvPath)} rows {data.Days[0] + 1}..{data.Days[^1] + 2} of {data.Bars.Count} bars: train days {Day(0)}..{Day(trainCount - 1)} ({train.Count}), "
        + $"test days {Day(trainCount)}..{Day(data.Rows.Count - 1)} ({test.Count}, accuracy {DirectionTrainer.Percent(testAccuracy)}, up days {DirectionTrainer.Percent(upShare)}); "
        + $"SDCA logistic regression, mean-variance normalised, seed {DirectionTrainer.Seed}",
    Command = $"dotnet run --project tools/ModelTrainer -- {DefaultCsv} models",
};
File.WriteAllText(sidecarPath, System.Text.Json.JsonSerializer.Serialize(sidecar, OnnxModelSidecar.JsonOptions) + "\n");

// The served path must agree with ML.NET: run the test days through OnnxSignalModel.
using var served = OnnxSignalModel.Load(sidecarPath);
var expected = trainer.Probabilities(model, test.Select(r => r.Features));
var barArray = data.Bars.ToArray();
var worst = 0.0;
for (var i = 0; i < test.Count; i++)
{
    var bars = new ArraySegment<AriaPro.Grains.Interfaces.MarketData.Bar>(barArray, 0, data.Days[trainCount + i] + 1);
    worst = Math.Max(worst, Math.Abs(served.Predict(bars, CancellationToken.None).ProbabilityUp - expected[i]));
}

Console.WriteLine($"wrote {onnxPath} ({new FileInfo(onnxPath).Length} B), {mlnetPath}, {sidecarPath}");
Console.WriteLine($"ONNX vs ML.NET on the test days: max |p difference| {worst:E2}");
return worst <= 1e-5 ? 0 : 1;
