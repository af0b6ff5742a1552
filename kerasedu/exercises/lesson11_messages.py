"""The messages of lesson 11's checks, in English and Chinese (``say(MESSAGES, key, lang)``)."""

MESSAGES = {
    "shape": {
        "en": "{what} has shape {got}, expected {want}: a gradient has the shape of what it "
        "differentiates.",
        "zh": "{what} 的形状是 {got}，应为 {want}：梯度的形状总是和被求导的那个量相同。",
    },
    "product_rule": {
        "en": "Your gradient is grad * sigmoid(x): that is only half of the product rule. "
        "x * sigmoid(x) has two factors that depend on x: (u v)' = u' v + u v'.",
        "zh": "你的梯度是 grad * sigmoid(x)：这只是乘积法则的一半。"
        "x * sigmoid(x) 的两个因子都依赖于 x："
        "(u v)' = u' v + u v'。",
    },
    "swish_values": {
        "en": "Swish's backward gives wrong values. Write d/dx [x * s] with s = sigmoid(x) and "
        "s' = s (1 - s), then multiply by grad.",
        "zh": "Swish 的 backward 数值不对。先写出 d/dx [x * s]（s = sigmoid(x)，s' = s (1 - s)），"
        "再乘以 grad。",
    },
    "swish_ok": {
        "en": "Swish's backward matches kerasedu's swish for inputs of 3 shapes.",
        "zh": "Swish 的 backward 在 3 种形状的输入上都与 kerasedu 的 swish 一致。",
    },
    "overflow": {
        "en": "With logits of size about {scale:g} your gradient holds inf or nan: exp overflowed. "
        "Subtract each row's maximum from the logits before exp.",
        "zh": "logits 的量级约为 {scale:g} 时，你的梯度里出现了 inf 或 nan：exp 溢出了。"
        "计算 exp 之前先从每一行减去该行的最大值。",
    },
    "not_mean": {
        "en": "Your gradient is N times too large: it is the gradient of the SUM over the batch. "
        "The loss is the mean over the N samples, so divide by N.",
        "zh": "你的梯度大了 N 倍：这是对批次求和时的梯度。损失是 N 个样本的平均值，所以要除以 N。",
    },
    "ce_sign": {
        "en": "Right size, wrong sign: the gradient is p - t, prediction minus target.",
        "zh": "大小对了，符号反了：梯度是 p - t，即预测减去目标。",
    },
    "no_softmax": {
        "en": "You subtracted the target from the logits themselves: p is softmax(logits).",
        "zh": "你是用 logits 本身减去目标的：p 应该是 softmax(logits)。",
    },
    "ce_values": {
        "en": "{what} is off by up to {err:.3g}. Compute p = softmax(logits) row by row, "
        "the one-hot targets t, then (p - t) / N.",
        "zh": "{what} 的误差最大为 {err:.3g}。请逐行算出 p = softmax(logits) 和独热目标 t，"
        "再计算 (p - t) / N。",
    },
    "ce_ok": {
        "en": "crossentropy_logits_grad matches autograd on 4 batches, huge logits included.",
        "zh": "crossentropy_logits_grad 在 4 个批次上都与自动求导一致，很大的 logits 也没问题。",
    },
    "weights": {
        "en": "For inputs of shape (4, 3) the layer should have one trainable weight of shape "
        "(3,), one per feature; it has {got}. Create it in build with "
        "self.add_weight(shape=(input_shape[-1],), ...).",
        "zh": "对形状为 (4, 3) 的输入，这个层应该有一个形状为 (3,) 的可训练权重（每个特征一个），"
        "它却有 {got}。请在 build 中用 self.add_weight(shape=(input_shape[-1],), ...) 创建它。",
    },
    "output": {
        "en": "With initial=0.5 the layer should return 0.5 * inputs at first; it does not. "
        "Does the weight start at initial (initializer=Constant(initial)) and does call "
        "multiply by it?",
        "zh": "initial=0.5 时，这个层一开始应该返回 0.5 * inputs，但结果不是这样。"
        "权重的初始值是 initial 吗"
        "（initializer=Constant(initial)）？call 里乘上它了吗？",
    },
    "default": {
        "en": "Without arguments the weight should start at 1.0 (initial=1.0 by default).",
        "zh": "不传参数时，权重的初始值应为 1.0（initial 默认为 1.0）。",
    },
    "config": {
        "en": "get_config() returned {got!r}; it must hold 'initial': 0.5 for "
        "Scale(initial=0.5), so that loading can call Scale(**config).",
        "zh": "get_config() 返回了 {got!r}；对 Scale(initial=0.5)，它必须含有 'initial': 0.5，"
        "加载时才能调用 Scale(**config)。",
    },
    "super_config": {
        "en": "The copy made by from_config(get_config()) lost the layer's name: start get_config "
        "from super().get_config(), which holds name, trainable and dtype.",
        "zh": "用 from_config(get_config()) 得到的副本丢了层的名字："
        "get_config 要从 super().get_config() "
        "出发，它含有 name、trainable 和 dtype。",
    },
    "no_gradient": {
        "en": "After fit the scale weight has not moved: no gradient reached it. In call, "
        "multiply by the weight itself (a Tensor), not by its NumPy data.",
        "zh": "fit 之后 scale 权重没有变化：没有梯度传到它。在 call 里要乘以权重本身（一个张量），"
        "而不是它的 NumPy 数据。",
    },
    "reload": {
        "en": "The model reloaded with custom_objects predicts differently from the saved one.",
        "zh": "用 custom_objects 重新加载的模型，预测结果与保存前不同。",
    },
    "scale_ok": {
        "en": "Scale builds one weight per feature, trains, and reloads with custom_objects.",
        "zh": "Scale 为每个特征创建一个权重，能训练，也能用 custom_objects 重新加载。",
    },
    "loss_float": {
        "en": "train_step returned a {got}; return the batch's loss as a float (loss.item()).",
        "zh": "train_step 返回的是 {got}；应以 float 返回这个批次的损失（loss.item()）。",
    },
    "loss_value": {
        "en": "The first step returned the loss {got:.6g}, but the loss of the first batch before "
        "the update is {want:.6g}: return loss_fn(y, model(x, training=True)).",
        "zh": "第一步返回的损失是 {got:.6g}，而第一个批次在更新前的损失是 {want:.6g}："
        "应返回 loss_fn(y, model(x, training=True))。",
    },
    "training_flag": {
        "en": "The model was not called with training=True: Dropout and BatchNormalization "
        "behave differently while training.",
        "zh": "调用模型时没有传 training=True：Dropout 和 BatchNormalization 在训练时的行为不同。",
    },
    "no_update": {
        "en": "After one step the weights have not changed: call "
        "optimizer.apply_gradients(zip(grads, variables)) after loss.backward().",
        "zh": "一步之后权重没有变化：loss.backward() 之后要调用 "
        "optimizer.apply_gradients(zip(grads, variables))。",
    },
    "accumulated": {
        "en": "After 6 steps your weights differ from fit's by up to {err:.3g}. Gradients "
        "accumulate in variable.grad: did you clear them (variable.grad = None) before "
        "loss.backward()?",
        "zh": "6 步之后，你的权重与 fit 的最多相差 {err:.3g}。梯度会在 variable.grad 中累加："
        "调用 loss.backward() 之前清零了吗（variable.grad = None）？",
    },
    "train_ok": {
        "en": "6 calls of train_step reach the same weights as fit(shuffle=False).",
        "zh": "调用 6 次 train_step 得到的权重与 fit(shuffle=False) 相同。",
    },
}
