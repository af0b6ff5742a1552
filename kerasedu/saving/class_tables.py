"""The closed tables of classes a saved config may name: layers and models, and the other families.

Config -> object never imports a name given by a file: the ``class_name`` is
looked up in these tables (or in your ``custom_objects``, looked at first), so
a file can only build the classes listed here. `kerasedu.compat` adds Keras 1's
old layer names to `LAYERS`.

Example:
    >>> LAYERS["Dense"].__name__, LAYERS["MaxPool2D"].__name__
    ('Dense', 'MaxPooling2D')
    >>> FAMILIES["keras.losses"][0]
    'loss'
"""

from kerasedu import constraints, initializers, layers, losses, metrics, optimizers, regularizers
from kerasedu.models.functional import Functional
from kerasedu.models.sequential import Sequential

__all__ = ["FAMILIES", "LAYERS"]

# Every class a config may name, and the Keras 2 spellings a file may hold
# (`kerasedu.compat` adds Keras 1's Convolution1D/2D, which live there).
# fmt: off
LAYERS = {cls.__name__: cls for cls in (
    # core
    layers.InputLayer, layers.Dense, layers.Activation, layers.Dropout, layers.Flatten,
    layers.Reshape, layers.Permute, layers.RepeatVector, layers.Lambda, layers.Embedding,
    layers.Masking,
    # merging
    layers.Add, layers.Subtract, layers.Multiply, layers.Average, layers.Maximum,
    layers.Minimum, layers.Concatenate, layers.Dot,
    # convolution and pooling
    layers.Conv1D, layers.Conv2D, layers.Conv2DTranspose, layers.MaxPooling1D,
    layers.MaxPooling2D, layers.AveragePooling1D, layers.AveragePooling2D,
    layers.GlobalMaxPooling1D, layers.GlobalMaxPooling2D, layers.GlobalAveragePooling1D,
    layers.GlobalAveragePooling2D, layers.ZeroPadding2D, layers.Cropping2D,
    layers.Conv1DTranspose, layers.DepthwiseConv1D, layers.DepthwiseConv2D,
    layers.SeparableConv1D, layers.SeparableConv2D, layers.GlobalMaxPooling3D,
    layers.GlobalAveragePooling3D,
    # resizing, padding and cropping
    layers.UpSampling1D, layers.UpSampling2D, layers.UpSampling3D, layers.Resizing,
    layers.CenterCrop, layers.ZeroPadding1D, layers.ZeroPadding3D, layers.Cropping1D,
    layers.Cropping3D,
    # noise and regularization
    layers.GaussianNoise, layers.GaussianDropout, layers.AlphaDropout, layers.SpatialDropout1D,
    layers.SpatialDropout2D, layers.SpatialDropout3D, layers.ActivityRegularization,
    layers.Identity,
    # normalization, recurrent layers and wrappers
    layers.BatchNormalization, layers.LayerNormalization, layers.SimpleRNN, layers.LSTM,
    layers.GRU, layers.Bidirectional, layers.TimeDistributed, layers.GroupNormalization,
    layers.UnitNormalization, layers.RMSNormalization,
    # attention
    layers.Attention, layers.AdditiveAttention, layers.MultiHeadAttention,
    # preprocessing inside the model
    layers.Rescaling, layers.Normalization, layers.CategoryEncoding, layers.RandomFlip,
    layers.RandomRotation, layers.RandomTranslation, layers.RandomZoom, layers.RandomContrast,
    layers.RandomBrightness,
    # activation layers
    layers.ReLU, layers.LeakyReLU, layers.PReLU, layers.ELU, layers.ThresholdedReLU,
    layers.Softmax,
    # models (a model is a layer, and may sit inside another model)
    Sequential, Functional,
)}
LAYERS.update({
    "Model": Functional,  # Keras 2 wrote "Model" for a functional model
    "MaxPool1D": layers.MaxPooling1D, "MaxPool2D": layers.MaxPooling2D,
    "AvgPool1D": layers.AveragePooling1D, "AvgPool2D": layers.AveragePooling2D,
    "GlobalMaxPool1D": layers.GlobalMaxPooling1D, "GlobalMaxPool2D": layers.GlobalMaxPooling2D,
    "GlobalAvgPool1D": layers.GlobalAveragePooling1D,
    "GlobalAvgPool2D": layers.GlobalAveragePooling2D,
    "GlobalMaxPool3D": layers.GlobalMaxPooling3D,
    "GlobalAvgPool3D": layers.GlobalAveragePooling3D,
})
# fmt: on

# Keras 3's module names -> (kind, table) of the family its configs belong to.
FAMILIES = {
    "keras.initializers": ("initializer", initializers.INITIALIZERS),
    "keras.regularizers": ("regularizer", regularizers.REGULARIZERS),
    "keras.constraints": ("constraint", constraints.CONSTRAINTS),
    "keras.losses": ("loss", losses.LOSS_CLASSES),
    "keras.metrics": ("metric", metrics.METRIC_CLASSES),
    "keras.optimizers": ("optimizer", optimizers.OPTIMIZERS),
}
