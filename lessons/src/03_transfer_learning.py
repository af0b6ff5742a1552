"""Lesson 03: transfer learning with a VGG-style network (bilingual source)."""

from make_notebooks import check, code, md, solution

CELLS = [
    md(
        """
# 03 Transfer learning with a VGG-style network

**Goal.** Reuse what a network learned on one task to learn a new task from very few labelled
examples. You will meet VGG16, the classic network behind many transfer-learning tutorials, and then
run the whole recipe offline on a small VGG-style network: pretrain, freeze, add a new head, compare
with training from scratch, fine-tune. On the way you use the functional API, and you meet a bug that
appears in published tutorials: a one-unit softmax output.
""",
        """
# 03 用 VGG 风格的网络做迁移学习

**本课目标**：把网络在一个任务上学到的东西拿来复用，只用很少的标注样本就学会一个新任务。
我们先认识 VGG16——许多迁移学习（transfer learning）教程背后的经典网络；然后在一个小型的 VGG 风格网络上离线走完整个流程：
预训练、冻结、换上新的“头”、与从零训练对比、微调。途中还会用到函数式 API（functional API），
并认识一个在不少公开教程里出现过的错误：只有一个单元的 softmax 输出层。
""",
    ),
    code(
        """
import warnings

import numpy as np
import matplotlib.pyplot as plt

import kerasedu
from kerasedu import optimizers
from kerasedu.applications import VGG16
from kerasedu.datasets import mnist
from kerasedu.layers import Conv2D, Dense, Dropout, Flatten, Input, MaxPooling2D
from kerasedu.models import Model, Sequential
from kerasedu.utils import to_categorical
from kerasedu.utils.fonts import use_chinese_font

use_chinese_font()  # «lets plots show Chinese labels (harmless in English)|让图中的中文正常显示»
kerasedu.diagnostics.set_language("«en|zh»")  # «kerasedu's hints in English|kerasedu 的提示用中文»
"""
    ),
    md(
        """
## 1. VGG16: blocks of 3x3 convolutions

VGG16 (Simonyan and Zisserman, 2014) is built from one idea repeated: a **block** of two or three
3x3 convolutions with ReLU, followed by a 2x2 max pooling that halves the image. Five blocks take a
224x224 colour image down to a 7x7 grid of 512 features; on top of them, the original network has
three fully connected layers (the "top") that pick one of the 1000 ImageNet classes.

With `include_top=False` we get only the convolutional part, the **convolutional base**, which
turns an image into features. `weights=None` starts from random weights, so nothing is downloaded.
""",
        """
## 1. VGG16：由 3x3 卷积组成的块

VGG16（Simonyan 和 Zisserman，2014）由一个想法反复堆叠而成：一个 **块**（block）包含两到三个带 ReLU 的 3x3 卷积，
后面跟一个 2x2 的最大池化，把图像缩小一半。五个块把 224x224 的彩色图片一路缩小成 7x7、每个位置 512 个特征的网格；
原始网络在它们上面还有三个全连接层，也就是所谓的“顶部”（top），负责从 ImageNet 的 1000 个类别中选出一个。

设置 `include_top=False`，我们只取卷积部分，即 **卷积基**（convolutional base），它负责把图片变成特征。
`weights=None` 表示从随机权重开始，因此不需要下载任何东西。
""",
    ),
    code(
        """
vgg = VGG16(weights=None, include_top=False, input_shape=(224, 224, 3))
vgg.summary()
print(f"«parameters: |参数总数：»{vgg.count_params():,}")
assert vgg.count_params() == 14_714_688
"""
    ),
    md(
        """
14.7 million parameters, all in the convolutions. Notice the pattern: each block doubles the number
of filters (64, 128, 256, 512, 512) while pooling halves the width and height.

### Loading the ImageNet weights (where they can be downloaded)

The real value of VGG16 lies in the weights learned on 1.2 million ImageNet photos. Where the
download host can be reached, one argument is enough:

```python
base = VGG16(weights="imagenet", include_top=False, input_shape=(224, 224, 3))
# images must be prepared the way the network was trained:
from kerasedu.applications.vgg16 import preprocess_input
features = base.predict(preprocess_input(images))  # images: (N, 224, 224, 3), RGB 0..255
```

The file (`vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5`, about 59 MB) is downloaded once and
cached in `~/.kerasedu/models/`. If the download host is blocked where you are, fetch the file on
another computer, copy it into that folder, or pass its path: `VGG16(weights="/path/to/file.h5",
include_top=False)`. This course must run offline, so we do not execute that cell. Instead we run the **same
recipe** on a network small enough to pretrain on a laptop in a few seconds.
""",
        """
1470 万个参数，全部在卷积层里。注意其中的规律：每经过一个块，卷积核的个数翻一倍（64、128、256、512、512），
而池化把宽和高各减半。

### 加载 ImageNet 权重（在能下载的地方）

VGG16 真正的价值在于它在 120 万张 ImageNet 图片上学到的权重。如果能访问下载服务器，只需一个参数：

```python
base = VGG16(weights="imagenet", include_top=False, input_shape=(224, 224, 3))
# 图片必须按网络训练时的方式预处理：
from kerasedu.applications.vgg16 import preprocess_input
features = base.predict(preprocess_input(images))  # images：(N, 224, 224, 3)，RGB 取值 0..255
```

权重文件（`vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5`，约 59 MB）只下载一次，之后缓存在 `~/.kerasedu/models/` 里。
如果你所在的网络访问不了下载服务器，可以在别的电脑上下载这个文件，再复制到这个文件夹，或者直接传入它的路径：
`VGG16(weights="/path/to/file.h5", include_top=False)`。
本课程必须能离线运行，所以我们不执行这段代码，而是在一个足够小、能在笔记本电脑上几秒钟就预训练好的网络上，
走一遍 **同样的流程**。
""",
    ),
    code(
        """
del vgg  # «free the 59 MB of random weights|释放这 59 MB 的随机权重»
"""
    ),
    md(
        """
## 2. Two tasks: digits 0-4 and digits 5-9

- **Source task**: recognise the digits 0-4. We have plenty of labelled images for it (about
  30,000 in MNIST's training set).
- **Target task**: recognise the digits 5-9, but with only **50 labelled images per digit**, 250 in
  all, as if labelling were expensive.

Every choice below (which model is better, whether fine-tuning helps) is made on a **validation
set**, and one separate **test set** is touched once, at the very end, to report the model we chose.
Both come from MNIST's test part, which no model trains on: its first 1,000 images of the digits 5-9
are our validation set, the next 1,000 our test set. Drawing the two from the same source is what
you want: the validation set should look like the data the model will finally be judged on.

The two tasks share no class, but they share the *kind* of input: pen strokes, curves, corners.
A network that learned to see strokes on 0-4 should help on 5-9.
""",
        """
## 2. 两个任务：数字 0-4 和数字 5-9

- **源任务**（source task）：识别数字 0-4。这个任务有大量标注图片（MNIST 训练集里约 30,000 张）。
- **目标任务**（target task）：识别数字 5-9，但每个数字只有 **50 张标注图片**，一共 250 张，就好像标注的成本很高。

下面所有的选择（哪个模型更好、微调有没有用）都在 **验证集** 上做；另有一个 **测试集**，只在最后用一次，
报告我们选定的模型。两者都来自 MNIST 的测试部分，任何模型都不会在上面训练：其中数字 5-9 的前 1,000 张作验证集，
接下来的 1,000 张作测试集。两者取自同一来源正是我们想要的：验证集应当和最终用来评判模型的数据相像。

两个任务没有共同的类别，但输入是 *同一类* 东西：笔画、弧线、拐角。
在 0-4 上学会“看笔画”的网络，应该对 5-9 也有帮助。
""",
    ),
    code(
        """
(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train.reshape(-1, 28, 28, 1).astype("float32") / 255
x_test = x_test.reshape(-1, 28, 28, 1).astype("float32") / 255

# «source task: digits 0-4, all their training images|源任务：数字 0-4 的全部训练图片»
source = y_train < 5
x_source, y_source = x_train[source], to_categorical(y_train[source], 5)
source_val = y_test < 5  # «to check the pretraining|用来检查预训练的效果»
x_source_val, y_source_val = x_test[source_val], to_categorical(y_test[source_val], 5)

# «target task: digits 5-9, 50 labelled images per digit|目标任务：数字 5-9，每个数字 50 张标注图片»
rng = np.random.default_rng(0)
digits = range(5, 10)
few = np.concatenate(
    [rng.choice(np.flatnonzero(y_train == d), 50, replace=False) for d in digits]
)
x_few, y_few = x_train[few], to_categorical(y_train[few] - 5, 5)
# «validation and test: 1,000 + 1,000 images of 5-9 from MNIST's test part|验证集和测试集：取自 MNIST 测试部分的 5-9，各 1,000 张»
held_out = np.flatnonzero(y_test >= 5)
val, target_test = held_out[:1000], held_out[1000:2000]
x_val, y_val = x_test[val], to_categorical(y_test[val] - 5, 5)
x_target_test = x_test[target_test]
y_target_test = to_categorical(y_test[target_test] - 5, 5)

print(f"«source task: |源任务：»{x_source.shape}   «target task: |目标任务：»{x_few.shape}")
print(f"«validation: |验证集：»{x_val.shape}   «test: |测试集：»{x_target_test.shape}")
"""
    ),
    md(
        """
## 3. A small VGG-style network, pretrained on 0-4

Two blocks, each of two 3x3 convolutions (`padding="same"` keeps the size) and a 2x2 max pooling:
28x28 → 14x14 → 7x7, with 8 then 16 filters. As in VGG16, the convolutional base is its own
`Sequential` model with block-wise layer names, and the classifier (the "head") goes on top. The
head is deliberately small: `Flatten` turns the 7x7x16 feature maps into 784 numbers, `Dropout`
fights overfitting, and one `Dense` layer with softmax picks the class. We pretrain for one epoch on
all the training images of the digits 0-4.
""",
        """
## 3. 小型 VGG 风格网络：先在 0-4 上预训练

网络有两个块，每块是两个 3x3 卷积（`padding="same"` 保持尺寸不变）加一个 2x2 最大池化：
28x28 → 14x14 → 7x7，卷积核个数依次为 8 和 16。和 VGG16 一样，卷积基本身是一个独立的 `Sequential` 模型，
层名按块编号；分类器（即“头”，head）接在它上面。头部故意做得很小：`Flatten` 把 7x7x16 的特征图展平成 784 个数，
`Dropout` 用来抑制过拟合（overfitting），再用一个带 softmax 的 `Dense` 层给出类别。我们用数字 0-4 的全部训练图片预训练一轮。
""",
    ),
    code(
        """
def vgg_style_base():
    return Sequential([
        Input(shape=(28, 28, 1)),
        Conv2D(8, 3, padding="same", activation="relu", name="block1_conv1"),
        Conv2D(8, 3, padding="same", activation="relu", name="block1_conv2"),
        MaxPooling2D(2, name="block1_pool"),  # «28x28 -> 14x14|28x28 变为 14x14»
        Conv2D(16, 3, padding="same", activation="relu", name="block2_conv1"),
        Conv2D(16, 3, padding="same", activation="relu", name="block2_conv2"),
        MaxPooling2D(2, name="block2_pool"),  # «14x14 -> 7x7|14x14 变为 7x7»
    ], name="vgg_base")


def new_head():
    return [Flatten(), Dropout(0.5), Dense(5, activation="softmax")]


kerasedu.utils.set_random_seed(2)
base = vgg_style_base()
pretrain = Sequential([base] + new_head())
pretrain.compile(
    optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"]
)
pretrain.fit(x_source, y_source, batch_size=64, epochs=1, verbose=0)
source_acc = pretrain.evaluate(x_source_val, y_source_val, verbose=0)[1]
print(f"«validation accuracy on the digits 0-4: |数字 0-4 的验证准确率：»{source_acc:.4f}")
assert source_acc > 0.97
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
## 4. Reusing the frozen base under a new head (functional API)

The head that chooses among 0-4 is useless for 5-9, so we throw it away and keep `base`. Setting
`base.trainable = False` **freezes** it: its weights will not change, and only the new head learns.

To put a new head on it we use the **functional API**: create an `Input`, call layers — and whole
models — on it like functions, and finally wrap the graph with `Model(inputs=..., outputs=...)`.
Calling `base` on a new `Input` reuses the very same layers and weights.
""",
        """
## 4. 冻结卷积基，换上新的头（函数式 API）

用来区分 0-4 的头对 5-9 没有用，所以扔掉它，只保留 `base`。设置 `base.trainable = False` 就把它 **冻结**（freeze）了：
它的权重不再改变，只有新的头在学习。

要给它接上新的头，我们用 **函数式 API**：先创建一个 `Input`，像调用函数一样在它上面调用各层——甚至整个模型——
最后用 `Model(inputs=..., outputs=...)` 把这张图包装成模型。在新的 `Input` 上调用 `base`，
复用的是完全相同的层和权重。
""",
    ),
    code(
        """
base.trainable = False

kerasedu.utils.set_random_seed(1)
inputs = Input(shape=(28, 28, 1))
features = base(inputs)  # «the pretrained, frozen base|预训练过、已冻结的卷积基»
x = Flatten()(features)
x = Dropout(0.5)(x)
outputs = Dense(5, activation="softmax")(x)
transfer = Model(inputs=inputs, outputs=outputs)
transfer.compile(
    optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"]
)

trainable = sum(int(np.prod(w.shape)) for w in transfer.trainable_weights)
print(f"«all parameters: |全部参数：»{transfer.count_params()}")
print(f"«trainable: |可训练参数：»{trainable}")
"""
    ),
    md(
        """
Only the head's weights are trainable. For comparison, we train **the same architecture from
scratch** (fresh random weights, nothing frozen) on the same 250 images. Both models see the same
data for the same number of epochs; after each epoch we record the accuracy on the 1,000 validation
images.
""",
        """
只有头部的权重可以训练。作为对照，我们在同样 250 张图片上 **从零训练同一结构的网络**（随机初始化，不冻结任何层）。
两个模型看到的数据和训练轮数完全相同；每一轮结束后，都记录它们在那 1,000 张验证图片上的准确率。
""",
    ),
    code(
        """
EPOCHS = 20
transfer_history = transfer.fit(
    x_few, y_few, batch_size=25, epochs=EPOCHS, verbose=0,
    validation_data=(x_val, y_val),
)

kerasedu.utils.set_random_seed(1)
scratch = Sequential([vgg_style_base()] + new_head())
scratch.compile(
    optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"]
)
scratch_history = scratch.fit(
    x_few, y_few, batch_size=25, epochs=EPOCHS, verbose=0,
    validation_data=(x_val, y_val),
)

transfer_curve = np.array(transfer_history.history["val_accuracy"])
scratch_curve = np.array(scratch_history.history["val_accuracy"])
transfer_acc, scratch_acc = transfer_curve[-1], scratch_curve[-1]
for label, curve in [
    ("«frozen pretrained base|冻结的预训练卷积基»", transfer_curve),
    ("«trained from scratch|从零训练»", scratch_curve),
]:
    print(f"{label}«: mean over the 20 epochs |：20 轮平均 »{curve.mean():.4f}", end="")
    print(f"«, last epoch |，最后一轮 »{curve[-1]:.4f}")
""",
        tags=["nbval-ignore-output"],
    ),
    code(
        """
epochs = np.arange(1, EPOCHS + 1)
plt.figure(figsize=(6, 4))
plt.plot(epochs, transfer_curve, "o-", label="«frozen pretrained base + new head|冻结的预训练卷积基 + 新的头»")
plt.plot(epochs, scratch_curve, "s--", label="«same network from scratch|同一网络从零训练»")
plt.xlabel("«epoch|轮次»")
plt.ylabel("«validation accuracy on digits 5-9|数字 5-9 的验证准确率»")
plt.title("«250 labelled images: transfer vs from scratch|250 张标注图片：迁移学习与从零训练»")
plt.legend()
plt.show()
"""
    ),
    md(
        """
Transfer learning can help in three ways, and the curves show all three: a **higher start** (after
one epoch the pretrained base is far ahead), a **faster rise**, and a **higher end**. The pretrained
filters already respond to strokes and curves, so only the head has to learn, from 250 images, how to
combine them; the network trained from scratch must learn its filters from those same 250 images.
MNIST digits are easy, so given enough epochs the network trained from scratch narrows the gap; on
real photos with few labels, where filters are much harder to learn, the gap stays wide. We check the
gap over the whole run (the mean accuracy over the 20 epochs) and at the end.
""",
        """
迁移学习可以从三个方面带来好处，曲线把这三点都体现出来了：**起点更高**（训练一轮后，预训练卷积基就遥遥领先）、
**上升更快**、**终点更高**。预训练的卷积核已经能对笔画和弧线作出响应，头部只需要用这 250 张图片学会如何组合它们；
从零训练的网络则必须只凭同样的 250 张图片去学卷积核。MNIST 的数字比较简单，训练轮数足够多时，从零训练的网络会慢慢缩小差距；
而在标注很少的真实照片上，卷积核难学得多，差距会一直很大。下面我们检查整个训练过程中的差距（20 轮的平均准确率）以及最后一轮的差距。
""",
    ),
    code(
        """
assert transfer_curve[0] >= scratch_curve[0] + 0.10  # «higher start|起点更高»
# «at least 5 points better over the run|整个训练过程平均高出至少 5 个百分点»
assert transfer_curve.mean() >= scratch_curve.mean() + 0.05
assert transfer_acc >= scratch_acc + 0.01  # «still ahead at the end|最后仍然领先»
print("«the frozen pretrained base beats from-scratch training|冻结的预训练卷积基胜过从零训练»")
"""
    ),
    md(
        """
## 5. Fine-tuning the last block

Once the new head works, we may let the last convolutional block adapt to the new digits too. This is
**fine-tuning**: unfreeze `block2`, keep `block1` frozen, and train with a **low learning rate**
(here $10^{-4}$ instead of Adam's default $10^{-3}$), so that the pretrained filters are adjusted
gently rather than overwritten by the noisy gradients of 250 images. Changing `trainable` only takes
effect at the next `compile`, so we compile again.
""",
        """
新的头训练好以后，还可以让最后一个卷积块也适应新的数字，这就是 **微调**（fine-tuning）：解冻 `block2`，
`block1` 仍然冻结，并用 **较小的学习率** 训练（这里取 $10^{-4}$，而 Adam 的默认值是 $10^{-3}$），
让预训练的卷积核只是被轻轻调整，而不是被 250 张图片带来的嘈杂梯度整个改写。
修改 `trainable` 要到下一次 `compile` 才生效，所以要重新编译。
""",
    ),
    code(
        """
base.trainable = True
for layer in base.layers:
    layer.trainable = layer.name.startswith("block2")
print([(layer.name, layer.trainable) for layer in base.layers])

frozen_weights = transfer.get_weights()  # «to go back if fine-tuning does not help|微调无益时可以退回»
transfer.compile(
    optimizer=optimizers.Adam(learning_rate=1e-4),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
fine_history = transfer.fit(
    x_few, y_few, batch_size=25, epochs=10, verbose=0, validation_data=(x_val, y_val)
)
fine_acc = fine_history.history["val_accuracy"][-1]
print(f"«validation accuracy, frozen: |验证准确率，冻结：»{transfer_acc:.4f}")
print(f"«after fine-tuning block2: |微调 block2 之后：»{fine_acc:.4f}")
assert fine_acc >= transfer_acc - 0.01
""",
        tags=["nbval-ignore-output"],
    ),
    code(
        """
all_epochs = np.arange(1, EPOCHS + 11)
plt.figure(figsize=(6, 4))
both_stages = list(transfer_curve) + fine_history.history["val_accuracy"]
plt.plot(all_epochs, both_stages, "o-", label="«transfer, then fine-tuning|迁移学习，然后微调»")
plt.plot(epochs, scratch_curve, "s--", label="«from scratch|从零训练»")
plt.axvline(EPOCHS + 0.5, color="gray", lw=1)
plt.xlabel("«epoch|轮次»")
plt.ylabel("«validation accuracy on digits 5-9|数字 5-9 的验证准确率»")
plt.legend()
plt.show()
"""
    ),
    md(
        """
Here fine-tuning changes little: the frozen filters already suit the new digits, and 250 images do
not carry much new information. Fine-tuning pays off when the source and target tasks are further
apart — ImageNet photos and medical scans, say — and the pretrained filters need to move. Always
compare against the frozen model on the validation set, as we did, before keeping it. Here we keep
the fine-tuned weights only if they score higher on the validation set, and then, once, look at
the test set: that figure is the one to report.
""",
        """
在这里微调带来的变化不大：冻结的卷积核本来就适合新的数字，250 张图片也没有多少新信息。源任务和目标任务差别越大
（比如 ImageNet 照片与医学影像），预训练的卷积核越需要调整，微调的收益也就越明显。保留微调结果之前，
一定要像上面这样在验证集上与冻结的模型比一比。这里只有当微调后的验证准确率更高时才保留微调的权重；
然后看一次，也只看这一次测试集：这才是应该报告的数字。
""",
    ),
    code(
        """
if fine_acc <= transfer_acc:
    transfer.set_weights(frozen_weights)  # «fine-tuning did not help: go back|微调没有帮助：退回去»
chosen = "«fine-tuned|微调后»" if fine_acc > transfer_acc else "«frozen|冻结»"
test_acc = transfer.evaluate(x_target_test, y_target_test, verbose=0)[1]
print(f"«chosen on validation: |按验证集选定：»{chosen}   «test accuracy: |测试准确率：»{test_acc:.4f}")
assert test_acc > 0.9
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
## 6. A bug from published tutorials: `Dense(1, activation="softmax")`

For a yes/no question one output unit is enough. Several tutorials write it as
`Dense(1, activation="softmax")`. But softmax divides each score's exponential by the sum over all
units:

$$\\mathrm{softmax}(z)_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}, \\qquad
  \\text{with one unit:}\\quad \\frac{e^{z}}{e^{z}} = 1 .$$

Whatever the input, the output is 1.0, its gradient is zero, and the model never learns. Let us
watch it happen on the question "is this digit odd?" (5, 7, 9 versus 6, 8). kerasedu notices this
mistake and explains it in a `TeachingWarning`; we catch the warning to print it without the
file and line it comes from, and to check which mistake it names.
""",
        """
## 6. 公开教程里的一个错误：`Dense(1, activation="softmax")`

回答“是/否”的问题，一个输出单元就够了。有些教程把它写成 `Dense(1, activation="softmax")`。
可是 softmax 是用每个得分的指数除以所有单元指数之和：

$$\\mathrm{softmax}(z)_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}, \\qquad
  \\text{只有一个单元时：}\\quad \\frac{e^{z}}{e^{z}} = 1 .$$

不论输入是什么，输出永远是 1.0，梯度为零，模型什么也学不到。下面用“这个数字是奇数吗？”（5、7、9 对 6、8）
这个问题来亲眼看一看。kerasedu 能发现这个错误，并用 `TeachingWarning`（教学警告）加以解释；
我们接住这条警告，打印它（不带文件名和行号），并检查它指出的是哪个错误。
""",
    ),
    code(
        """
base.trainable = False
y_odd = (y_train[few] % 2 == 1).astype("float32")
y_odd_val = (y_test[val] % 2 == 1).astype("float32")


def binary_model(activation):
    kerasedu.utils.set_random_seed(2)
    inputs = Input(shape=(28, 28, 1))
    x = Flatten()(base(inputs))
    outputs = Dense(1, activation=activation)(x)
    model = Model(inputs=inputs, outputs=outputs)
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    broken = binary_model("softmax")
    broken.fit(x_few, y_odd, batch_size=25, epochs=5, verbose=0)
for w in caught:
    print(f"{w.category.__name__}: {w.message}")
assert caught[0].message.check == "single_unit_softmax"

p_broken = broken.predict(x_val, verbose=0)
print(f"«distinct outputs of the softmax head: |softmax 头输出的不同取值：»{np.unique(p_broken)}")
broken_acc = broken.evaluate(x_val, y_odd_val, batch_size=1000, verbose=0)[1]
print(f"«accuracy: |准确率：»{broken_acc:.4f}   «share of odd digits: |奇数所占比例：»{y_odd_val.mean():.4f}")
"""
    ),
    md(
        """
Every output is exactly 1.0, i.e. "odd" for every image, so the accuracy equals the share of odd
digits in the validation set — the model learned nothing. The fix is the **sigmoid**
$\\sigma(z) = 1 / (1 + e^{-z})$, which maps one score to a probability between 0 and 1 and is what
`binary_crossentropy` expects. (The other correct option is `Dense(2, activation="softmax")` with
one-hot labels and `categorical_crossentropy`.)
""",
        """
所有输出都恰好是 1.0，也就是说每张图都被判为“奇数”，于是准确率恰好等于验证集中奇数所占的比例——模型什么也没学到。
修正方法是改用 **sigmoid**：$\\sigma(z) = 1 / (1 + e^{-z})$，它把一个得分映射成 0 到 1 之间的概率，
这正是 `binary_crossentropy` 所期望的。（另一种正确写法是 `Dense(2, activation="softmax")`，
配合独热标签和 `categorical_crossentropy`。）
""",
    ),
    code(
        """
fixed = binary_model("sigmoid")
fixed.fit(x_few, y_odd, batch_size=25, epochs=5, verbose=0)
fixed_acc = fixed.evaluate(x_val, y_odd_val, batch_size=1000, verbose=0)[1]
print(f"«accuracy with sigmoid: |改用 sigmoid 后的准确率：»{fixed_acc:.4f}")

assert np.all(p_broken == 1.0)
assert abs(broken_acc - y_odd_val.mean()) < 1e-6
assert fixed_acc > 0.8
""",
        tags=["nbval-ignore-output"],
    ),
    md(
        """
## Summary

- VGG16 stacks blocks of 3x3 convolutions and 2x2 poolings; `VGG16(weights=None, include_top=False)`
  is its convolutional base, 14,714,688 parameters. `weights="imagenet"` loads the pretrained weights
  where they can be downloaded.
- Transfer learning: pretrain on a task with many labels, keep the convolutional base, freeze it
  (`trainable = False`), put a new head on it, and train only the head on the new task. With 250
  labels it starts higher, learns faster and ends higher than the same network trained from scratch.
- Fine-tuning unfreezes the last block and trains at a low learning rate; `trainable` changes need a
  new `compile`. Keep it only if the validation set says it helps.
- Choices are made on a validation set; the test set is used once, at the end.
- The functional API: `inputs = Input(...)`, call layers and models on tensors, then
  `Model(inputs=inputs, outputs=outputs)`.
- `Dense(1, activation="softmax")` always outputs 1.0. For a yes/no output use
  `Dense(1, activation="sigmoid")` with `binary_crossentropy`.

## Exercises

Each exercise asks you to write a function in the cell below it, in place of
`raise NotImplementedError()`; the cell after that checks it and tells you what is wrong.

**Exercise 1 (count).** Write `vgg_params(blocks, channels, kernel_size=3)`: the number of
parameters of a VGG-style convolutional base, where `blocks` lists `(convolutions, filters)` per
block (all convolutions `padding="same"`, each block ending in a pooling) and `channels` is the
number of channels of the input image. VGG16's base is
`[(2, 64), (2, 128), (3, 256), (3, 512), (3, 512)]` on 3 channels. Count by formula; do not build
a model.
""",
        """
## 小结

- VGG16 由 3x3 卷积块和 2x2 池化层堆叠而成；`VGG16(weights=None, include_top=False)` 是它的卷积基，
  共 14,714,688 个参数。在能下载的地方，`weights="imagenet"` 会加载预训练权重。
- 迁移学习：先在标注丰富的任务上预训练，保留卷积基并冻结（`trainable = False`），接上新的头，
  只在新任务上训练头部。只有 250 个标注时，它比从零训练的同一网络起点更高、学得更快、终点也更高。
- 微调：解冻最后一个块，用较小的学习率训练；修改 `trainable` 之后要重新 `compile`。
  只有验证集表明微调有帮助时才保留它。
- 所有选择都在验证集上做；测试集只在最后用一次。
- 函数式 API：`inputs = Input(...)`，在张量上调用层和模型，最后 `Model(inputs=inputs, outputs=outputs)`。
- `Dense(1, activation="softmax")` 的输出永远是 1.0。二分类输出请用 `Dense(1, activation="sigmoid")`
  配合 `binary_crossentropy`。

## 练习

每道练习都要你在下面的单元格里写一个函数，替换掉 `raise NotImplementedError()`；
再下面一个单元格会检查它，并告诉你哪里不对。

**练习 1（数参数）**：写出 `vgg_params(blocks, channels, kernel_size=3)`，计算一个 VGG 风格卷积基的参数个数。
`blocks` 按块列出 `(卷积层数, 卷积核个数)`（所有卷积都是 `padding="same"`，每块最后是一个池化层），
`channels` 是输入图像的通道数。VGG16 的卷积基就是 3 个通道上的
`[(2, 64), (2, 128), (3, 256), (3, 512), (3, 512)]`。请用公式来数，不要搭建模型。
""",
    ),
    solution(
        """
def vgg_params(blocks, channels, kernel_size=3):
    \"\"\"«Parameters of a VGG-style base; blocks: [(convolutions, filters), ...].|VGG 风格卷积基的参数个数；blocks：[(卷积层数, 卷积核个数), ...]。»\"\"\"
    ### BEGIN SOLUTION
    total, inputs = 0, channels
    for convolutions, filters in blocks:
        for _ in range(convolutions):
            total += (kernel_size * kernel_size * inputs + 1) * filters  # «kernel + bias|卷积核 + 偏置»
            inputs = filters
    return total
    ### END SOLUTION
""",
        "l03-ex1",
    ),
    check(
        """
from kerasedu.exercises import lesson03

lesson03.check_vgg_params(vgg_params, lang="«en|zh»")
""",
        "l03-ex1-check",
    ),
    md(
        """
**Exercise 2 (freeze for fine-tuning).** Write `freeze_for_fine_tuning(base, block)`: make only the
layers whose name starts with `block` (e.g. `"block2"`) trainable, freeze every other layer, and
return `base`. The check counts the trainable weights, then compiles and trains one step to see that
the frozen layers really stay still. (Careful: what does `base.trainable = False` do to the layers
inside?)
""",
        """
**练习 2（为微调而冻结）**：写出 `freeze_for_fine_tuning(base, block)`：只让名字以 `block`
开头的层（例如 `"block2"`）可训练，冻结其余所有层，然后返回 `base`。检查程序会数一数可训练的权重，
再编译并训练一步，看冻结的层是不是真的纹丝不动。（小心：`base.trainable = False` 对里面的层做了什么？）
""",
    ),
    solution(
        """
def freeze_for_fine_tuning(base, block):
    \"\"\"«Freeze every layer of base except those named block...; return base.|冻结 base 中除 block 开头以外的所有层；返回 base。»\"\"\"
    ### BEGIN SOLUTION
    base.trainable = True  # «a frozen model freezes all its layers|模型本身冻结会冻结它的所有层»
    for layer in base.layers:
        layer.trainable = layer.name.startswith(block)
    return base
    ### END SOLUTION
""",
        "l03-ex2",
    ),
    check(
        """
lesson03.check_freeze_for_fine_tuning(freeze_for_fine_tuning, lang="«en|zh»")
""",
        "l03-ex2-check",
    ),
    md(
        """
**Exercise 3 (a correct binary head).** Write `build_binary_model(base)`: a compiled functional
model that answers "is this digit odd?" (label 1.0 for 5, 7, 9 and 0.0 for 6, 8) from the frozen,
pretrained `base` and a new head with one output per image. The check trains it for 5 epochs on the
250 images and asks for at least 0.8 validation accuracy.
""",
        """
**练习 3（正确的二分类头）**：写出 `build_binary_model(base)`：返回一个编译好的函数式模型，
用冻结的预训练 `base` 加一个新的头回答“这个数字是奇数吗？”（5、7、9 的标签为 1.0，6、8 为 0.0），
每张图只输出一个数。检查程序会在那 250 张图片上训练它 5 轮，要求验证准确率至少为 0.8。
""",
    ),
    solution(
        """
def build_binary_model(base):
    \"\"\"«A compiled yes/no model on the frozen base; output shape (None, 1).|在冻结的卷积基上搭建并编译“是/否”模型；输出形状 (None, 1)。»\"\"\"
    ### BEGIN SOLUTION
    base.trainable = False
    inputs = Input(shape=(28, 28, 1))
    outputs = Dense(1, activation="sigmoid")(Flatten()(base(inputs)))
    model = Model(inputs=inputs, outputs=outputs)
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model
    ### END SOLUTION
""",
        "l03-ex3",
    ),
    check(
        """
kerasedu.utils.set_random_seed(4)
lesson03.check_binary_model(build_binary_model, base, lang="«en|zh»")
""",
        "l03-ex3-check",
        tags=["nbval-ignore-output"],  # it prints the trained model's accuracy
    ),
    md(
        """
**Exercise 4 (an accuracy target).** Write `train_on_few_labels(base, x, y)`: build a model on the
frozen, pretrained `base` for the five digits 5-9, train it on `x, y` (the 250 labelled images;
`y` holds the labels 0-4 as integers, i.e. the digit minus 5), and return it. The check measures
the accuracy on the 1,000 validation images and asks for at least 0.935, more than the lesson's
frozen model reached; `base` must stay frozen. Which head, and how many epochs, get you there?
""",
        """
**练习 4（准确率目标）**：写出 `train_on_few_labels(base, x, y)`：在冻结的预训练 `base` 上为数字 5-9
搭建模型，用 `x, y`（那 250 张标注图片；`y` 是 0-4 的整数标签，即数字减 5）训练，然后返回它。
检查程序在 1,000 张验证图片上测准确率，要求至少 0.935，比本课冻结的模型更高；`base` 必须保持冻结。
用什么样的头、训练多少轮才能达到？
""",
    ),
    solution(
        """
def train_on_few_labels(base, x, y):
    \"\"\"«Train a 5-class model on the frozen base with (x, y); return it.|在冻结的卷积基上用 (x, y) 训练一个 5 类模型并返回。»\"\"\"
    ### BEGIN SOLUTION
    base.trainable = False
    inputs = Input(shape=(28, 28, 1))
    hidden = Dense(64, activation="relu")(Flatten()(base(inputs)))
    outputs = Dense(5, activation="softmax")(Dropout(0.3)(hidden))
    model = Model(inputs=inputs, outputs=outputs)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(x, y, batch_size=25, epochs=15, verbose=0)
    return model
    ### END SOLUTION
""",
        "l03-ex4",
    ),
    check(
        """
kerasedu.utils.set_random_seed(5)
lesson03.check_few_label_model(train_on_few_labels, base, lang="«en|zh»")
""",
        "l03-ex4-check",
        points=2,
        tags=["nbval-ignore-output"],  # it prints the trained model's accuracy
    ),
]
