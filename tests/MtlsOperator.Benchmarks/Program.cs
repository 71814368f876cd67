using System.Reflection;
using System.Runtime.InteropServices;
using MtlsOperator.Benchmarks;

// Usage: dotnet run -c Release --project tests/MtlsOperator.Benchmarks -- [name ...]
// With no name, every benchmark runs in turn. Figures go to standard output.
var all = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

if (args.Contains("--list"))
{
    foreach (var b in all)
    {
        Console.WriteLine($"{b.Name,-12} {b.Description}");
    }

    return 0;
}

// Arguments starting with "--" are options a benchmark reads itself (e.g. operator's --sizes=100,1000).
var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
var selected = names.Count == 0 ? all : all.Where(b => names.Contains(b.Name, StringComparer.OrdinalIgnoreCase)).ToList();
var unknown = names.Where(a => all.All(b => !string.Equals(b.Name, a, StringComparison.OrdinalIgnoreCase))).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown benchmark(s): {string.Join(", ", unknown)}; known: {string.Join(", ", all.Select(b => b.Name))}");
    return 2;
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024)} MiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}");
#if DEBUG
Console.WriteLine("warning: Debug build; run with -c Release for figures worth comparing");
#endif
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
foreach (var benchmark in selected)
{
    Console.WriteLine();
    Console.WriteLine($"== {benchmark.Name}: {benchmark.Description}");
    await benchmark.RunAsync(Console.Out, cts.Token);
}

return 0;
