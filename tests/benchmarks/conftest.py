"""The benchmarks are run by hand (``python tests/benchmarks/bench_mnist.py``), never by pytest."""

collect_ignore_glob = ["bench_*.py"]
