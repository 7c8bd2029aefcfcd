using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(InclusionNetwork.Calendar.Bench.FeedRenderingBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args);
