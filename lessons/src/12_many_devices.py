"""Lesson 12: from one CPU to many devices (data parallelism, CuPy, Keras 3's DataParallel).

The cells named below (DATA, MODEL, GRADUATION_SETUP, GRADUATION_TRAIN) are also run on
real Keras 3 by tests/lessons/test_graduation.py, so the test checks the lesson's own code.
"""

from make_notebooks import check, code, md, solution

DATA = """
from kerasedu.datasets import mnist

(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train[:6000].reshape(-1, 784).astype("float32") / 255  # «a subset: fast|取一个子集：快»
y_train = y_train[:6000]
x_test = x_test[:1000].reshape(-1, 784).astype("float32") / 255
y_test = y_test[:1000]
print(x_train.shape, y_train.shape, x_test.shape, y_test.shape)
"""

MODEL = """
def build_model(keras):
    \"\"\"«A 784-64-10 MLP, compiled. `keras` is the library: kerasedu or keras.|一个 784-64-10 的多层感知机，已编译。`keras` 是所用的库：kerasedu 或 keras。»\"\"\"
    model = keras.Sequential([
        keras.Input(shape=(784,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
"""

GRADUATION_SETUP = """
import os

os.environ["KERAS_BACKEND"] = "jax"  # «before the first `import keras`|必须在第一次 import keras 之前»
os.environ["XLA_FLAGS"] = "--xla_force_host_platform_device_count=2"  # «2 CPU devices|2 个 CPU 设备»
import jax
import keras

print("keras", keras.__version__, "| jax", jax.__version__)
print("backend:", keras.backend.backend())
print(jax.devices())
assert keras.backend.backend() == "jax" and len(jax.devices()) == 2
assert not hasattr(keras.utils, "multi_gpu_model")  # «gone from Keras 3 too|Keras 3 里也没有了»
"""

GRADUATION_TRAIN = """
devices = keras.distribution.list_devices()
distribution = keras.distribution.DataParallel(devices=devices)
keras.distribution.set_distribution(distribution)
print(devices, distribution)
print("«a batch (32, 784) is split along:|形状为 (32, 784) 的批次按这些轴切分：»",
      distribution.get_data_layout((32, 784)).axes)

keras.utils.set_random_seed(0)
keras_model = build_model(keras)  # «the same function as before|与前面是同一个函数»
keras_history = keras_model.fit(x_train, y_train, epochs=3, batch_size=32, verbose=0)
keras_accuracy = keras_model.evaluate(x_test, y_test, verbose=0)[1]
kernel = keras_model.layers[0].kernel.value
print("«sharding of the first Dense kernel:|第一个 Dense 层 kernel 的分片：»", kernel.sharding)
print(f"«Keras 3 + DataParallel, test accuracy:|Keras 3 + DataParallel 的测试准确率：» {keras_accuracy:.4f}")
assert len(kernel.sharding.device_set) == 2  # «one full copy on each device|每个设备上一份完整副本»
assert keras_accuracy > 0.85
"""

CELLS = [
    md(
        """
# 12 · From one CPU to many devices

**Goal.** Understand how one model is trained on several devices at once. You will see what the old
`multi_gpu_model` did and what replaced it; prove, with kerasedu's own training pieces, that two replicas
working on the two halves of a batch compute exactly the gradient of the whole batch (*data parallelism*);
see how kerasedu uses one GPU through CuPy, and what happens where there is none; and finally train the same
model code in real Keras 3, with `keras.distribution.DataParallel` over two devices.

This lesson needs Keras 3 and JAX for its last part: they come with the `dev` extra
(`python3 -m pip install -e ".[dev]"`). The rest of the course never needs them.
""",
        """
# 12 · 从一个 CPU 到多个设备

**本课目标**：弄懂一个模型如何同时在几个设备上训练。你会看到旧版的 `multi_gpu_model` 做了什么、后来被什么取代；
用 kerasedu 自己的训练组件证明：两个副本（replica）各算半个批次，合起来得到的梯度与整个批次的梯度完全相同，
这就是**数据并行**（data parallelism）；看看 kerasedu 怎样借助 CuPy 使用一块 GPU、没有 GPU 时又会怎样；
最后把同一份模型代码放到真正的 Keras 3 里，用 `keras.distribution.DataParallel` 在两个设备上训练。

本课最后一部分需要 Keras 3 和 JAX：安装 `dev` 附加依赖（`python3 -m pip install -e ".[dev]"`）时会一并装好。
课程的其他部分都用不到它们。
""",
    ),
    code("""
import subprocess
import sys

import matplotlib.pyplot as plt
import numpy as np
import kerasedu

kerasedu.utils.fonts.use_chinese_font()  # «lets plots show Chinese text|让图中的中文正常显示»
np.set_printoptions(precision=4, suppress=True)
"""),
    md(
        """
## 1. The data and the model

A subset of MNIST (6,000 training and 1,000 test images, flattened to 784 numbers in [0, 1]) and a small
multilayer perceptron. The model is built by a function that takes *the library* as its argument: called with
`kerasedu` it builds a kerasedu model; called with `keras` it builds the very same model in Keras 3.
That is the "only the import changes" promise of this course, kept literally.
""",
        """
## 1. 数据与模型

取 MNIST 的一个子集（6000 张训练图、1000 张测试图，每张展平成 784 个 [0, 1] 之间的数），配一个小小的多层感知机。
模型由一个函数搭建，它的参数是**所用的库**：传入 `kerasedu`，得到 kerasedu 的模型；传入 `keras`，
就在 Keras 3 里搭出一模一样的模型。本课程“只改一行 import”的承诺，在这里字面意义上兑现。
""",
    ),
    code(DATA),
    code(MODEL),
    code(
        """
kerasedu.utils.set_random_seed(0)
model = build_model(kerasedu)
history = model.fit(x_train, y_train, epochs=3, batch_size=32, verbose=0)
kerasedu_accuracy = model.evaluate(x_test, y_test, verbose=0)[1]
print(f"«kerasedu on one CPU, test accuracy:|kerasedu 在一个 CPU 上的测试准确率：» {kerasedu_accuracy:.4f}")
assert kerasedu_accuracy > 0.85
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
## 2. What `multi_gpu_model` did, and why it is gone

Keras 2 tutorials train on several GPUs with one line, `parallel = keras.utils.multi_gpu_model(model, gpus=2)`.
That function built a new model around yours:

1. it placed one copy (a *replica*, or *tower*) of the model on each GPU, all sharing the same weights,
   which lived on the CPU;
2. it cut every incoming batch into `gpus` equal slices (a `Lambda` layer per GPU), so with a batch of 64
   each GPU saw 32 samples;
3. each GPU ran the forward pass on its slice; the outputs were **concatenated** back on the CPU into one
   batch of 64 predictions, on which the loss was computed;
4. backpropagation then went through every tower, and the gradients of the shared weights, merged on the
   CPU, updated the single set of weights. Since the loss was the mean over the whole concatenated batch,
   the merged gradient was exactly the full batch's gradient: section 3 shows why.

It was TensorFlow-only, merged everything on the CPU (a bottleneck), and needed the batch to split evenly.
In 2019 TensorFlow marked it deprecated ("will be removed after 2020-04-01", use
`tf.distribute.MirroredStrategy` instead), and TensorFlow 2.4 no longer has it. Keras 3 has no
`multi_gpu_model` either: it has `keras.distribution`, with `DataParallel` (a full copy of the model on every
device, the batch split between them) and `ModelParallel` (the weights themselves split). The API is meant for
every backend; at the time of writing its most complete implementation is the JAX backend's, which we use.

kerasedu follows Keras 3 and has no `multi_gpu_model`. It computes on one device (NumPy on the CPU, or
CuPy on one GPU); for several devices, a student graduates to Keras 3 and `keras.distribution`, as in
section 5.
""",
        """
## 2. `multi_gpu_model` 做过什么，为什么不在了

Keras 2 时代的教程用一行代码在多块 GPU 上训练：`parallel = keras.utils.multi_gpu_model(model, gpus=2)`。
这个函数会在你的模型外面再包一层新模型：

1. 在每块 GPU 上放一份模型的拷贝（称为**副本**，当时也叫 *tower*），它们共用同一套权重，权重放在 CPU 上；
2. 把每个输入批次切成 `gpus` 等份（每块 GPU 一个 `Lambda` 层），批次为 64 时每块 GPU 分到 32 个样本；
3. 每块 GPU 对自己那一份做前向计算，各自的输出再在 CPU 上**拼接**（concatenate）回一个 64 个预测的批次，
   在这个批次上计算损失；
4. 反向传播经过每个 tower，共享权重的梯度在 CPU 上合并，用来更新那唯一的一套权重。由于损失是对拼接后整个批次
   取的均值，合并得到的梯度恰好就是整个批次的梯度：第 3 节会说明为什么。

它只能用于 TensorFlow，所有东西都在 CPU 上汇总（成了瓶颈），而且要求批次能被均分。2019 年 TensorFlow 把它标为弃用
（“将在 2020-04-01 之后删除”，请改用 `tf.distribute.MirroredStrategy`），到 TensorFlow 2.4 就已经没有它了。
Keras 3 也没有 `multi_gpu_model`，取而代之的是 `keras.distribution`：`DataParallel`（每个设备上一份完整的模型，
批次在设备间切分）和 `ModelParallel`（连权重本身也切分）。这套 API 面向所有后端；在撰写本课时，实现得最完整的是
JAX 后端，我们用的正是它。

kerasedu 以 Keras 3 为准，同样没有 `multi_gpu_model`。它只在一个设备上计算（CPU 上用 NumPy，或一块 GPU 上用 CuPy）；
要用多个设备，就“毕业”到 Keras 3 和 `keras.distribution`，见第 5 节。
""",
    ),
    code("""
print(hasattr(kerasedu.utils, "multi_gpu_model"))
try:
    from kerasedu.utils import multi_gpu_model
except ImportError as error:
    print("ImportError:", str(error).split(" (")[0])  # «without the file's path|去掉文件路径»
assert not hasattr(kerasedu.utils, "multi_gpu_model")
"""),
    md(
        """
## 3. Data parallelism, shown in kerasedu

Why can a batch be split at all? The loss of a batch of `N` samples is a **mean**:
`L = (1/N) Σᵢ ℓᵢ`. Cut the batch into two halves `A` and `B` of `N/2` samples each; each replica computes
the mean over its half, `L_A` and `L_B`. Then `(L_A + L_B) / 2 = L`: the mean of two equal-sized means is the
mean of everything. A gradient is linear (the gradient of a sum is the sum of the gradients), so the same holds
for gradients: **the average of the replicas' gradients is the full batch's gradient**, up to float rounding.

We check it with kerasedu's own training pieces, the ones `Trainer.train_step` uses
(`kerasedu/models/trainer.py`): the forward pass `model(x, training=True)`, a loss object, `loss.backward()`,
and `optimizer.apply_gradients`. Two replicas get the same weights with `set_weights`.
""",
        """
## 3. 在 kerasedu 里看数据并行

为什么一个批次可以切开来算？`N` 个样本的批次损失是一个**均值**：`L = (1/N) Σᵢ ℓᵢ`。把批次切成各有 `N/2`
个样本的两半 `A` 和 `B`，每个副本算出自己那一半的均值 `L_A`、`L_B`。于是 `(L_A + L_B) / 2 = L`：
两个样本数相同的均值再取平均，就是全体的均值。梯度是线性的（和的梯度等于梯度的和），所以梯度也一样：
**各副本梯度的平均，就是整个批次的梯度**，差别只在浮点舍入。

我们用 kerasedu 自己的训练组件来验证，也就是 `Trainer.train_step`（`kerasedu/models/trainer.py`）所用的那些：
前向计算 `model(x, training=True)`、损失函数对象、`loss.backward()` 和 `optimizer.apply_gradients`。
两个副本通过 `set_weights` 得到相同的权重。
""",
    ),
    code("""
kerasedu.utils.set_random_seed(1)
full = build_model(kerasedu)                        # «sees the whole batch|看整个批次»
replicas = [build_model(kerasedu) for _ in range(2)]
for replica in replicas:
    replica.set_weights(full.get_weights())         # «same weights everywhere|各处权重相同»

loss_fn = kerasedu.losses.SparseCategoricalCrossentropy()  # «a mean over the batch|对批次取均值»


def gradients(model, x, y):
    \"\"\"«One forward and backward pass: the gradient of each trainable weight.|一次前向加反向：每个可训练权重的梯度。»\"\"\"
    for variable in model.trainable_weights:
        variable.grad = None                         # «gradients accumulate: clear|梯度会累加：先清空»
    loss = loss_fn(y, model(x, training=True))
    loss.backward()
    return [variable.grad.copy() for variable in model.trainable_weights]


x_batch, y_batch = x_train[:64], y_train[:64]
halves = [(x_batch[:32], y_batch[:32]), (x_batch[32:], y_batch[32:])]
full_grads = gradients(full, x_batch, y_batch)
replica_grads = [gradients(r, x, y) for r, (x, y) in zip(replicas, halves)]
averaged = [(g_a + g_b) / 2 for g_a, g_b in zip(*replica_grads)]
for g_full, g_avg in zip(full_grads, averaged):
    print(g_full.shape, "max |difference| =", np.abs(g_full - g_avg).max())
    np.testing.assert_allclose(g_avg, g_full, rtol=1e-5, atol=1e-7)
"""),
    md(
        """
Each half alone gives only a rough estimate of the full gradient; their average is exact. On the left, the
first replica's gradient against the full batch's (every dot is one weight); on the right, the average.
""",
        """
单独一半只能粗略地估计整个批次的梯度；两半的平均却分毫不差。左图是第一个副本的梯度与整个批次梯度的对比
（每个点是一个权重），右图是平均之后的梯度。
""",
    ),
    code("""
g_full = np.concatenate([g.ravel() for g in full_grads])
g_one = np.concatenate([g.ravel() for g in replica_grads[0]])
g_avg = np.concatenate([g.ravel() for g in averaged])
fig, axes = plt.subplots(1, 2, figsize=(9, 4), sharey=True)
for ax, g, title in [(axes[0], g_one, "«replica 1 (first half)|副本 1（前一半）»"),
                     (axes[1], g_avg, "«average of the 2 replicas|两个副本的平均»")]:
    ax.scatter(g_full, g, s=2, alpha=0.4)
    ax.plot([g_full.min(), g_full.max()], [g_full.min(), g_full.max()], "r--", lw=1)
    ax.set_title(title)
    ax.set_xlabel("«gradient of the full batch|整个批次的梯度»")
axes[0].set_ylabel("«replica gradient|副本的梯度»")
plt.tight_layout()
plt.show()
assert np.abs(g_one - g_full).max() > 100 * np.abs(g_avg - g_full).max()
"""),
    md(
        """
### One step with the averaged gradient

Now the update. Every replica applies the **same** averaged gradient with its own optimizer, so the replicas
stay identical; and the full model takes one ordinary training step, `train_on_batch`, on the whole batch
(that runs `train_step`: forward, loss, backward, `apply_gradients`). All three end with the same weights.
This is why data parallelism changes *where* the work is done, not *what* is learned.
""",
        """
### 用平均梯度走一步

接下来是更新。每个副本都用自己的优化器应用**同一个**平均梯度，所以各副本始终保持一致；
完整模型则在整个批次上走一步普通的训练 `train_on_batch`（它执行的就是 `train_step`：前向、损失、反向、
`apply_gradients`）。三者最后的权重完全相同。这就是为什么数据并行只改变了计算**在哪里**做，不改变**学到什么**。
""",
    ),
    code("""
for replica in replicas:
    replica.optimizer.apply_gradients(zip(averaged, replica.trainable_weights))
full.train_on_batch(x_batch, y_batch)

for w_full, w_1, w_2 in zip(full.get_weights(), *(r.get_weights() for r in replicas)):
    np.testing.assert_array_equal(w_1, w_2)              # «replicas agree exactly|副本之间完全一致»
    np.testing.assert_allclose(w_1, w_full, rtol=1e-5, atol=1e-6)
print("«after one step, both replicas hold the full model's weights|走一步之后，两个副本的权重都与完整模型相同»")
"""),
    md(
        """
### When the shards are not equal

The argument needed halves of **equal** size. With 40 and 24 samples, the plain average of the two means
weighs each of the 24 samples more than each of the 40: it is no longer the full batch's gradient. (The fix,
weighting each replica by its number of samples, is exercise 3.) This is one reason `multi_gpu_model` and
Keras 3's `DataParallel` want the batch size to be a multiple of the number of devices.
""",
        """
### 切分不均匀时

上面的论证要求两半的样本数**相同**。如果一份 40 个、一份 24 个，两个均值直接取平均，那 24 个样本里的每一个
就比 40 个样本里的每一个占了更大的权重：结果不再是整个批次的梯度。（正确的做法是按各副本的样本数加权，
留作练习 3。）这也是 `multi_gpu_model` 和 Keras 3 的 `DataParallel` 都希望批次大小是设备数整数倍的原因之一。
""",
    ),
    code("""
uneven = [(x_batch[:40], y_batch[:40]), (x_batch[40:], y_batch[40:])]
uneven_grads = [gradients(full, x, y) for x, y in uneven]
full_grads = gradients(full, x_batch, y_batch)
plain_mean = [(g_a + g_b) / 2 for g_a, g_b in zip(*uneven_grads)]
error = max(np.abs(p - f).max() for p, f in zip(plain_mean, full_grads))
print("«largest error of the plain average:|直接平均的最大误差：»", error)
close = [np.allclose(p, f, rtol=1e-3, atol=1e-5)
         for p, f in zip(plain_mean, full_grads)]
assert not all(close)
"""),
    md(
        """
## 4. One GPU through CuPy

kerasedu's arrays come from one module, `kerasedu/device.py`, the only file that knows CuPy exists. Every other
file asks `xp()` for the array module and calls `xp().exp`, `xp().zeros` and so on: `xp()` is `numpy` on the
CPU and `cupy` on the GPU, and CuPy copies NumPy's interface, so the same code runs on both.

- `set_device("gpu")` (from `kerasedu.device`, also `kerasedu.backend.set_device`) switches at run time;
  `KERASEDU_DEVICE=gpu` in the environment does it when kerasedu is imported.
- With CuPy and a GPU, arrays live in GPU memory; `to_numpy` copies them back for printing and plotting.
- Without CuPy, or with CuPy but no working GPU, asking for the GPU raises a `RuntimeError` that says what to
  install (`pip install 'kerasedu[gpu]'`); the device stays `"cpu"` and everything keeps working on NumPy.

kerasedu uses **one** device. Several GPUs are what Keras 3 is for: the next section.
""",
        """
## 4. 借助 CuPy 使用一块 GPU

kerasedu 的数组都来自一个模块 `kerasedu/device.py`，它是唯一知道 CuPy 存在的文件。其他文件都向 `xp()` 要数组模块，
再调用 `xp().exp`、`xp().zeros` 等：在 CPU 上 `xp()` 是 `numpy`，在 GPU 上是 `cupy`；CuPy 照搬了 NumPy 的接口，
所以同一份代码两边都能运行。

- `set_device("gpu")`（来自 `kerasedu.device`，也可以用 `kerasedu.backend.set_device`）在运行时切换设备；
  在环境变量里设置 `KERASEDU_DEVICE=gpu`，则在导入 kerasedu 时就切换。
- 有 CuPy 和 GPU 时，数组放在显存里；打印或画图时用 `to_numpy` 把它们拷回内存。
- 没有 CuPy，或装了 CuPy 却没有能用的 GPU 时，请求 GPU 会抛出 `RuntimeError`，并说明该安装什么
  （`pip install 'kerasedu[gpu]'`）；设备仍是 `"cpu"`，一切照常在 NumPy 上运行。

kerasedu 只用**一个**设备。多块 GPU 正是 Keras 3 的用武之地：见下一节。
""",
    ),
    code(
        """
from kerasedu.device import get_device, set_device, to_numpy, xp

try:
    set_device("gpu")
    print("«GPU found: arrays are|找到了 GPU：数组类型是»", type(xp().ones(3)))
    print(to_numpy(xp().ones(3) * 2))
except RuntimeError as error:
    print("RuntimeError:", error)
finally:
    set_device("cpu")  # «the rest of the lesson runs on the CPU|本课其余部分在 CPU 上运行»
print(get_device(), xp().__name__)
assert get_device() == "cpu" and xp() is np
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
The environment variable is read once, when kerasedu is imported. In a fresh Python process with
`KERASEDU_DEVICE=gpu`, the import itself fails on a machine without a GPU, with the same message:
better to stop at once than to train for an hour on the CPU by mistake.
""",
        """
环境变量只在导入 kerasedu 时读取一次。在一个新的 Python 进程里设置 `KERASEDU_DEVICE=gpu`，
若机器上没有 GPU，导入本身就会失败，报同样的信息：与其不知不觉在 CPU 上训练一个小时，不如立刻停下来。
""",
    ),
    code(
        """
import os

run = subprocess.run(
    [sys.executable, "-c", "import kerasedu; print(kerasedu.device.get_device())"],
    env={**os.environ, "KERASEDU_DEVICE": "gpu"}, capture_output=True, text=True,
)
print("returncode:", run.returncode)
print((run.stdout or run.stderr).strip().splitlines()[-1])
if run.returncode == 0:   # «a machine with a GPU|有 GPU 的机器»
    assert run.stdout.strip() == "gpu"
else:                     # «no GPU: the clear error|没有 GPU：清楚的报错»
    assert "RuntimeError" in run.stderr and "kerasedu[gpu]" in run.stderr
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
## 5. Graduation: the same model in Keras 3, on two devices

Here is the path from this course to real work. We take `build_model`, unchanged, and call it with Keras 3
instead of kerasedu. To have two devices on any laptop, we use the JAX backend and ask XLA (JAX's compiler) to
pretend the CPU is two devices, `--xla_force_host_platform_device_count=2`. On a machine with two GPUs you would
leave that flag out and `list_devices()` would list the GPUs; nothing else changes.

Both settings must be made **before** `keras` and `jax` are first imported in the process (they are read once,
at import); that is why they are in the same cell as the imports. If you imported Keras earlier in this
kernel, restart it and run the notebook from the top.
""",
        """
## 5. 毕业：同一个模型放到 Keras 3 里，在两个设备上训练

这就是从本课程走向实际工作的路。我们原封不动地拿来 `build_model`，只是传入 Keras 3 而不是 kerasedu。
为了在任何一台笔记本上都有两个设备，我们使用 JAX 后端，并让 XLA（JAX 的编译器）把 CPU 当成两个设备：
`--xla_force_host_platform_device_count=2`。在一台有两块 GPU 的机器上，去掉这个选项，`list_devices()`
列出的就是那两块 GPU，其余一概不变。

这两项设置都必须在本进程**第一次**导入 `keras` 和 `jax` **之前**完成（它们只在导入时读取一次），
所以它们和 import 写在同一个单元格里。如果你在这个内核里已经导入过 Keras，请重启内核，从头运行本 notebook。
""",
    ),
    code(GRADUATION_SETUP, tags=["nbval-ignore-output"]),  # versions vary between machines
    md(
        """
`DataParallel` lays out a **device mesh** with one axis, `"batch"`: every weight is replicated, a full copy
on each device; every batch is split along its first axis, 16 of the 32 samples per device. Each device
computes the gradient of its half, and the gradients are averaged across the devices (an *all-reduce*)
before the same update is applied everywhere: exactly what we did by hand in section 3.
""",
        """
`DataParallel` 会建立一个只有一个轴 `"batch"` 的**设备网格**（device mesh）：每个权重都被复制，
每个设备上一份完整的拷贝；每个批次沿第一个轴切开，32 个样本每个设备分 16 个。每个设备算出自己那一半的梯度，
各设备的梯度取平均（称为 *all-reduce*，全归约），然后在各处应用同一个更新：正是我们在第 3 节手工做的事。
""",
    ),
    code(GRADUATION_TRAIN, tags=["nbval-ignore-output"]),
    md(
        """
Both runs see the same 6,000 images for 3 epochs with the same optimizer. Their initial weights come from
different random generators, so the numbers differ a little, but they learn alike and end at comparable
accuracy.
""",
        """
两次训练用的是同样的 6000 张图、同样的 3 轮和同样的优化器。两者的初始权重来自不同的随机数生成器，
所以数字略有不同，但学习过程相似，最终准确率相当。
""",
    ),
    code(
        """
print(f"kerasedu, 1 CPU: {kerasedu_accuracy:.4f}")
print(f"Keras 3, DataParallel on 2 devices: {keras_accuracy:.4f}")
epochs = np.arange(1, 4)
plt.plot(epochs, history.history["accuracy"], "o-", label="«kerasedu, 1 CPU|kerasedu，1 个 CPU»")
plt.plot(epochs, keras_history.history["accuracy"], "s--",
         label="«Keras 3 DataParallel, 2 devices|Keras 3 DataParallel，2 个设备»")
plt.xticks(epochs)
plt.xlabel("«epoch|轮次»")
plt.ylabel("«training accuracy|训练准确率»")
plt.title("«The same model, two libraries|同一个模型，两个库»")
plt.legend()
plt.show()
assert min(kerasedu_accuracy, keras_accuracy) > 0.85
assert abs(kerasedu_accuracy - keras_accuracy) < 0.03
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
## Summary

- Keras 2's `multi_gpu_model` copied the model onto each GPU, split every batch, concatenated the outputs and
  merged the gradients on the CPU. TensorFlow 2.4 no longer has it; Keras 3 has `keras.distribution`
  (`DataParallel`, `ModelParallel`) instead, and kerasedu, which follows Keras 3, has neither.
- Data parallelism works because the loss is a mean over the batch: with equal shards, the average of the
  replicas' gradients *is* the full batch's gradient, and the same update keeps every replica identical.
- kerasedu runs on one device: NumPy, or CuPy on one GPU (`set_device("gpu")`, `KERASEDU_DEVICE=gpu`); without
  a GPU it says so clearly and the CPU keeps working.
- The same model code runs in Keras 3 with `DataParallel` over two devices and learns as well.

## Exercises

Four exercises, from easy to hard. In each answer cell, replace `raise NotImplementedError()` with your code,
run the cell, then run the check cell below it.

### Exercise 1 · The per-replica batch size

Write `per_replica_batch_size(global_batch_size, num_replicas)`: how many samples each replica gets when a
batch is split evenly. When the batch cannot be split evenly, raise a `ValueError` that says so.
""",
        """
## 小结

- Keras 2 的 `multi_gpu_model` 把模型复制到每块 GPU 上，切分每个批次，在 CPU 上拼接输出、合并梯度。
  TensorFlow 2.4 已经没有它了；Keras 3 用 `keras.distribution`（`DataParallel`、`ModelParallel`）取而代之；
  以 Keras 3 为准的 kerasedu 两者都没有。
- 数据并行之所以成立，是因为损失是对批次取的均值：各份样本数相同时，各副本梯度的平均**就是**整个批次的梯度，
  而同一个更新让所有副本始终保持一致。
- kerasedu 在一个设备上运行：NumPy，或一块 GPU 上的 CuPy（`set_device("gpu")`、`KERASEDU_DEVICE=gpu`）；
  没有 GPU 时它会清楚地告诉你，CPU 照常可用。
- 同一份模型代码可以在 Keras 3 里用 `DataParallel` 在两个设备上训练，学得一样好。

## 练习

下面有四道练习，由易到难。在每个答案单元格里，把 `raise NotImplementedError()` 换成你的代码并运行，
再运行它下面的检查单元格。

### 练习 1 · 每个副本的批次大小

写一个函数 `per_replica_batch_size(global_batch_size, num_replicas)`：一个批次平均分给各副本时，
每个副本分到多少个样本。不能平均分时，抛出 `ValueError` 并说明原因。
""",
    ),
    solution(
        """
def per_replica_batch_size(global_batch_size, num_replicas):
    \"\"\"«Samples per replica; ValueError if the batch does not split evenly.|每个副本的样本数；不能均分时抛出 ValueError。»\"\"\"
    ### BEGIN SOLUTION
    if global_batch_size % num_replicas:
        raise ValueError(
            f"{global_batch_size} samples do not split over {num_replicas} replicas"
        )
    return global_batch_size // num_replicas
    ### END SOLUTION
""",
        "l12-ex1",
    ),
    check(
        """
from kerasedu.exercises import lesson12

lesson12.check_per_replica_batch_size(per_replica_batch_size, lang="«en|zh»")
""",
        "l12-ex1-check",
    ),
    md(
        """
### Exercise 2 · The all-reduce, as a mean

`grads_per_replica` is a list with one entry per replica; each entry is a list of arrays, one per weight
(as returned by `gradients` above). Write `all_reduce_mean(grads_per_replica)`, which returns one list of arrays:
for each weight, the mean of the replicas' gradients. Do not change the arrays you are given.
""",
        """
### 练习 2 · 用均值实现 all-reduce

`grads_per_replica` 是一个列表，每个副本一项；每一项又是一个数组列表，每个权重一个数组（就像上面 `gradients`
返回的那样）。写一个函数 `all_reduce_mean(grads_per_replica)`，返回一个数组列表：对每个权重，给出各副本梯度的均值。
不要改动传进来的数组。
""",
    ),
    solution(
        """
def all_reduce_mean(grads_per_replica):
    \"\"\"«For each weight, the mean over the replicas of its gradient.|对每个权重，求各副本梯度的均值。»\"\"\"
    ### BEGIN SOLUTION
    return [np.mean(per_weight, axis=0) for per_weight in zip(*grads_per_replica)]
    ### END SOLUTION
""",
        "l12-ex2",
    ),
    check(
        """
lesson12.check_all_reduce_mean(all_reduce_mean, lang="«en|zh»")
""",
        "l12-ex2-check",
    ),
    md(
        """
### Exercise 3 · Unequal shards, weighted properly

Write `combine_shard_gradients(grads_per_replica, shard_sizes)`: the same as exercise 2, except that replica `k`
computed its mean loss over `shard_sizes[k]` samples, and the shards need not be equal. Return the gradient of
the whole batch's mean loss. (Start from `L = (1/N) Σᵢ ℓᵢ` and ask how much of it each replica's mean holds.)
The check compares your answer with the real gradient of kerasedu models on unequal shards.
""",
        """
### 练习 3 · 切分不均匀时正确加权

写一个函数 `combine_shard_gradients(grads_per_replica, shard_sizes)`：和练习 2 一样，只是第 `k` 个副本的平均损失
是在 `shard_sizes[k]` 个样本上算的，各份大小可以不同。返回整个批次平均损失的梯度。
（从 `L = (1/N) Σᵢ ℓᵢ` 出发，想一想每个副本的均值在其中占多大分量。）
检查会在不均匀的切分上，把你的结果与 kerasedu 模型真实的梯度比较。
""",
    ),
    solution(
        """
def combine_shard_gradients(grads_per_replica, shard_sizes):
    \"\"\"«The full batch's gradient from per-shard mean gradients.|由各份的平均梯度得到整个批次的梯度。»\"\"\"
    ### BEGIN SOLUTION
    total = sum(shard_sizes)
    return [
        sum(size / total * grad for size, grad in zip(shard_sizes, per_weight))
        for per_weight in zip(*grads_per_replica)
    ]
    ### END SOLUTION
""",
        "l12-ex3",
    ),
    check(
        """
lesson12.check_combine_shard_gradients(combine_shard_gradients, lang="«en|zh»")
""",
        "l12-ex3-check",
    ),
    md(
        """
### Exercise 4 · A data-parallel training step

Put it all together. Write `data_parallel_step(replicas, x, y)`: `replicas` are compiled kerasedu models with
the same weights. Split the batch into `len(replicas)` shards with `np.array_split` (they may be unequal), let
each replica compute the gradient of its shard's loss (`replica.compute_loss(y=..., y_pred=...)` gives the
compiled loss; clear old gradients first), combine them with your `combine_shard_gradients`, and let every
replica apply the combined gradient with its own optimizer. The check runs two steps and compares every
replica with one model trained by `train_on_batch` on the full batches.
""",
        """
### 练习 4 · 数据并行的一步训练

把前面的内容组合起来。写一个函数 `data_parallel_step(replicas, x, y)`：`replicas` 是几个权重相同、已编译的 kerasedu 模型。
用 `np.array_split` 把批次切成 `len(replicas)` 份（各份大小可以不同），让每个副本算出自己那一份损失的梯度
（`replica.compute_loss(y=..., y_pred=...)` 给出编译时指定的损失；记得先清空旧梯度），用你的
`combine_shard_gradients` 合并，再让每个副本用自己的优化器应用合并后的梯度。
检查会运行两步，把每个副本与一个在整个批次上用 `train_on_batch` 训练的模型比较。
""",
    ),
    solution(
        """
def data_parallel_step(replicas, x, y):
    \"\"\"«One data-parallel training step of `replicas` on the batch (x, y).|副本们在批次 (x, y) 上的一步数据并行训练。»\"\"\"
    ### BEGIN SOLUTION
    shards = zip(np.array_split(x, len(replicas)), np.array_split(y, len(replicas)))
    grads_per_replica, sizes = [], []
    for replica, (x_shard, y_shard) in zip(replicas, shards):
        for variable in replica.trainable_weights:
            variable.grad = None
        loss = replica.compute_loss(y=y_shard, y_pred=replica(x_shard, training=True))
        loss.backward()
        grads_per_replica.append([v.grad for v in replica.trainable_weights])
        sizes.append(len(x_shard))
    combined = combine_shard_gradients(grads_per_replica, sizes)
    for replica in replicas:
        replica.optimizer.apply_gradients(zip(combined, replica.trainable_weights))
    ### END SOLUTION
""",
        "l12-ex4",
    ),
    check(
        """
lesson12.check_data_parallel_step(data_parallel_step, lang="«en|zh»")
""",
        "l12-ex4-check",
    ),
]
