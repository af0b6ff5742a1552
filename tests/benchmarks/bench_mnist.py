"""Benchmark kerasedu on MNIST: training and prediction speed, memory, FLOP rate.

Run from the repository root (not collected by pytest)::

    python tests/benchmarks/bench_mnist.py            # one full epoch per model
    python tests/benchmarks/bench_mnist.py --quick    # a few hundred steps: a smoke check
    KERASEDU_DEVICE=gpu python tests/benchmarks/bench_mnist.py   # on the GPU, with CuPy

Two models, as in the lessons:

- ``mlp``: 784-400-10 (relu, softmax), RMSprop(0.001, rho=0.9), categorical
  cross-entropy, batch 32, one epoch on the 60,000 training images;
- ``convnet``: the keras.io MNIST convnet (Conv2D 32 3x3 relu, MaxPooling 2,
  Conv2D 64 3x3 relu, MaxPooling 2, Flatten, Dropout 0.5, Dense 10 softmax),
  Adam, batch 128, one epoch.

Each model is trained (``fit``, one epoch) and then predicts the 10,000 test
images, in a fresh subprocess so that its peak memory (``ru_maxrss``) is its
own. The table gives seconds per epoch, samples per second, peak memory and
the achieved FLOP rate as a fraction of the machine's float32 matrix-multiply
peak, measured in the same run (2048x2048 matmul, best of several). FLOPs are
counted from the layer shapes: ``2 * rows * inner * cols`` per matrix product;
training costs three forward passes, minus the gradient of the input images,
which nobody needs. When PyTorch is installed, the same models run in PyTorch
too, and the table shows kerasedu's time as a multiple of PyTorch's.

Results are also written as JSON (default: ``benchmarks-results/<time>.json``,
git-ignored) so they can be compared over time.
"""

import argparse
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[2]
TRAIN_SAMPLES, TEST_SAMPLES = 60_000, 10_000
QUICK_TRAIN_SAMPLES, QUICK_TEST_SAMPLES = 6_400, 2_560

# Matrix products per sample, as (rows, inner, cols): 2 * rows * inner * cols FLOPs each.
# The first entry's input gradient is the gradient of the images: training skips it.
MODEL_SPECS = {
    "mlp": {
        "batch_size": 32,
        "products": [(1, 784, 400), (1, 400, 10)],
    },
    "convnet": {
        "batch_size": 128,
        "products": [(26 * 26, 3 * 3 * 1, 32), (11 * 11, 3 * 3 * 32, 64), (1, 1600, 10)],
    },
}


def forward_flops_per_sample(model):
    """FLOPs of one forward pass of one sample (matrix products only)."""
    return sum(2 * rows * inner * cols for rows, inner, cols in MODEL_SPECS[model]["products"])


def training_flops_per_sample(model):
    """Forward x3 (forward, input gradient, weight gradient) minus the images' gradient."""
    rows, inner, cols = MODEL_SPECS[model]["products"][0]
    return 3 * forward_flops_per_sample(model) - 2 * rows * inner * cols


# --- the models ------------------------------------------------------------------------
def load_mnist(model, n_train, n_test):
    """MNIST as float32 in [0, 1] and one-hot labels, shaped for ``model``."""
    from kerasedu.datasets import mnist

    (x_train, y_train), (x_test, _) = mnist.load_data()
    shape = (-1, 784) if model == "mlp" else (-1, 28, 28, 1)
    x_train = (x_train[:n_train].reshape(shape) / np.float32(255)).astype("float32")
    x_test = (x_test[:n_test].reshape(shape) / np.float32(255)).astype("float32")
    y_train = np.eye(10, dtype="float32")[y_train[:n_train]]
    return x_train, y_train, x_test


def kerasedu_model(model):
    """The model, compiled, in kerasedu (the Keras code with ``keras`` -> ``kerasedu``)."""
    import kerasedu
    from kerasedu import layers

    if model == "mlp":
        net = kerasedu.Sequential(
            [
                kerasedu.Input(shape=(784,)),
                layers.Dense(400, activation="relu"),
                layers.Dense(10, activation="softmax"),
            ]
        )
        optimizer = kerasedu.optimizers.RMSprop(learning_rate=0.001, rho=0.9)
    else:
        net = kerasedu.Sequential(
            [
                kerasedu.Input(shape=(28, 28, 1)),
                layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
                layers.MaxPooling2D(pool_size=(2, 2)),
                layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
                layers.MaxPooling2D(pool_size=(2, 2)),
                layers.Flatten(),
                layers.Dropout(0.5),
                layers.Dense(10, activation="softmax"),
            ]
        )
        optimizer = kerasedu.optimizers.Adam()
    net.compile(optimizer=optimizer, loss="categorical_crossentropy", metrics=["accuracy"])
    return net


def synchronize():
    """Wait for the GPU to finish queued work (nothing to do on the CPU)."""
    from kerasedu.device import get_device, xp

    if get_device() == "gpu":
        xp().cuda.Device().synchronize()


def run_kerasedu(model, x_train, y_train, x_test):
    """Train one epoch and predict; return the timings."""
    batch_size = MODEL_SPECS[model]["batch_size"]
    net = kerasedu_model(model)
    synchronize()
    start = time.perf_counter()
    history = net.fit(x_train, y_train, batch_size=batch_size, epochs=1, verbose=0)
    synchronize()
    train_s = time.perf_counter() - start
    start = time.perf_counter()
    net.predict(x_test, batch_size=batch_size, verbose=0)
    synchronize()
    predict_s = time.perf_counter() - start
    return train_s, predict_s, float(history.history["loss"][-1])


def run_torch(model, x_train, y_train, x_test):
    """The same model in PyTorch, trained and timed the same way (data already in memory)."""
    import torch
    from torch import nn

    batch_size = MODEL_SPECS[model]["batch_size"]
    if model == "mlp":
        net = nn.Sequential(nn.Linear(784, 400), nn.ReLU(), nn.Linear(400, 10))
        optimizer = torch.optim.RMSprop(net.parameters(), lr=0.001, alpha=0.9, eps=1e-7)
    else:
        x_train, x_test = x_train.transpose(0, 3, 1, 2), x_test.transpose(0, 3, 1, 2)  # NCHW
        net = nn.Sequential(
            nn.Conv2d(1, 32, 3),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Dropout(0.5),
            nn.Linear(1600, 10),
        )
        optimizer = torch.optim.Adam(net.parameters(), lr=0.001, eps=1e-7)
    x, labels = torch.from_numpy(np.ascontiguousarray(x_train)), torch.from_numpy(y_train.argmax(1))
    x_test = torch.from_numpy(np.ascontiguousarray(x_test))
    loss_fn = nn.CrossEntropyLoss()  # softmax + cross-entropy, fused
    start = time.perf_counter()
    net.train()
    for idx in torch.randperm(len(x)).split(batch_size):
        optimizer.zero_grad()
        loss = loss_fn(net(x[idx]), labels[idx])
        loss.backward()
        optimizer.step()
    train_s = time.perf_counter() - start
    start = time.perf_counter()
    net.eval()
    with torch.no_grad():
        for batch in x_test.split(batch_size):
            torch.softmax(net(batch), dim=1)
    predict_s = time.perf_counter() - start
    return train_s, predict_s, float(loss)


def worker(framework, model, quick):
    """Run one (framework, model) pair in this process and print its result as JSON."""
    if framework == "gemm":
        print(json.dumps({"gemm_peak_gflops": gemm_peak_gflops()}))
        return
    n_train = QUICK_TRAIN_SAMPLES if quick else TRAIN_SAMPLES
    n_test = QUICK_TEST_SAMPLES if quick else TEST_SAMPLES
    x_train, y_train, x_test = load_mnist(model, n_train, n_test)
    run = run_kerasedu if framework == "kerasedu" else run_torch
    train_s, predict_s, loss = run(model, x_train, y_train, x_test)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    if sys.platform == "darwin":
        peak_kib //= 1024  # macOS reports bytes
    print(
        json.dumps(
            {
                "framework": framework,
                "model": model,
                "train_samples": n_train,
                "test_samples": n_test,
                "train_s": train_s,
                "predict_s": predict_s,
                "final_loss": loss,
                "peak_rss_mib": peak_kib / 1024,
            }
        )
    )


# --- the machine's matrix-multiply peak --------------------------------------------------
def gemm_peak_gflops(size=2048, repeats=8):
    """Best float32 ``size x size`` matmul rate of the current device, in GFLOP/s."""
    from kerasedu.device import to_device

    rng = np.random.default_rng(0)
    a = to_device(rng.random((size, size), dtype=np.float32))
    b = to_device(rng.random((size, size), dtype=np.float32))
    best = float("inf")
    for _ in range(repeats):
        synchronize()
        start = time.perf_counter()
        a @ b
        synchronize()
        best = min(best, time.perf_counter() - start)
    return 2 * size**3 / best / 1e9


# --- the driver ------------------------------------------------------------------------
def run_in_subprocess(framework, model, quick, threads):
    """Run `worker` in a fresh Python, so peak memory is measured per model."""
    command = [sys.executable, __file__, "--worker", framework, model] + (
        ["--quick"] if quick else []
    )
    env = dict(os.environ)
    if threads:  # read by OpenBLAS, MKL and OpenMP (PyTorch) when they load
        for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            env[name] = str(threads)
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT, env=env)
    if done.returncode != 0:
        print(f"{framework} {model} failed:\n{done.stderr[-3000:]}", file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def summarise(result, peak_gflops):
    """Add epoch seconds, samples/s and FLOP rates to a worker's raw result."""
    model = result["model"]
    train_rate = result["train_samples"] / result["train_s"]
    predict_rate = result["test_samples"] / result["predict_s"]
    train_gflops = training_flops_per_sample(model) * train_rate / 1e9
    predict_gflops = forward_flops_per_sample(model) * predict_rate / 1e9
    return {
        **result,
        "epoch_s": TRAIN_SAMPLES / train_rate,  # extrapolated from the samples run with --quick
        "train_samples_per_s": train_rate,
        "predict_samples_per_s": predict_rate,
        "train_gflops": train_gflops,
        "train_fraction_of_peak": train_gflops / peak_gflops,
        "predict_gflops": predict_gflops,
        "predict_fraction_of_peak": predict_gflops / peak_gflops,
        "epoch_gflop": training_flops_per_sample(model) * TRAIN_SAMPLES / 1e9,
    }


def print_table(rows, peak_gflops, device):
    """Print the results as a plain-text table."""
    print(f"\nMatrix-multiply peak ({device}, float32 2048x2048): {peak_gflops:.1f} GFLOP/s")
    header = (
        f"{'framework':9} {'model':8} {'epoch s':>8} {'train/s':>8} {'%peak':>6} "
        f"{'predict/s':>10} {'%peak':>6} {'peak MiB':>9} {'vs torch':>9}"
    )
    print(header)
    print("-" * len(header))
    torch_epochs = {r["model"]: r["epoch_s"] for r in rows if r["framework"] == "torch"}
    for r in rows:
        ratio = ""
        if r["framework"] != "torch" and r["model"] in torch_epochs:
            ratio = f"{r['epoch_s'] / torch_epochs[r['model']]:.2f}x"
        print(
            f"{r['framework']:9} {r['model']:8} {r['epoch_s']:8.2f} "
            f"{r['train_samples_per_s']:8.0f} "
            f"{100 * r['train_fraction_of_peak']:5.1f}% {r['predict_samples_per_s']:10.0f} "
            f"{100 * r['predict_fraction_of_peak']:5.1f}% {r['peak_rss_mib']:9.0f} {ratio:>9}"
        )


def torch_available():
    """Whether PyTorch can be imported (it is optional, never required)."""
    check = subprocess.run([sys.executable, "-c", "import torch"], capture_output=True)
    return check.returncode == 0


def main(argv=None):
    """Parse the command line, run every (framework, model) pair, print and save the results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"train on {QUICK_TRAIN_SAMPLES} samples only (epoch time is extrapolated)",
    )
    parser.add_argument(
        "--json", help="where to write the results (default benchmarks-results/<time>.json)"
    )
    parser.add_argument("--models", default="mlp,convnet", help="comma-separated: mlp, convnet")
    parser.add_argument(
        "--threads",
        type=int,
        default=0,
        help="BLAS/OpenMP threads for every run (default: the libraries' own choice)",
    )
    parser.add_argument(
        "--no-torch", action="store_true", help="skip PyTorch even if it is installed"
    )
    parser.add_argument("--worker", nargs=2, metavar=("FRAMEWORK", "MODEL"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(*args.worker, args.quick)
        return

    from kerasedu.device import get_device

    device = get_device()
    frameworks = ["kerasedu"]
    if not args.no_torch and device == "cpu" and torch_available():
        frameworks.append("torch")  # the PyTorch reference runs on the CPU only
    peaks, rows = [], []
    for model in args.models.split(","):
        peaks.append(run_in_subprocess("gemm", "-", False, args.threads)["gemm_peak_gflops"])
        for framework in frameworks:
            result = run_in_subprocess(framework, model, args.quick, args.threads)
            if result is not None:
                rows.append(result)
    peak = max(peaks)  # measured before each model, with the same threads: keep the best
    rows = [summarise(r, peak) for r in rows]
    print_table(rows, peak, device)

    record = {
        "time": datetime.datetime.now().isoformat(timespec="seconds"),
        "device": device,
        "quick": args.quick,
        "threads": args.threads or "default",
        "gemm_peak_gflops": peak,
        "gemm_peak_measurements": peaks,
        "machine": {
            "cpu_count": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "numpy": np.__version__,
            "load_average": os.getloadavg(),
        },
        "results": rows,
    }
    path = (
        Path(args.json)
        if args.json
        else (REPO_ROOT / "benchmarks-results" / f"{datetime.datetime.now():%Y%m%d-%H%M%S}.json")
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=2))
    print(f"\nWritten to {path}")


if __name__ == "__main__":
    main()
