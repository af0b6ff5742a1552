"""Layers: the building blocks of models (`Dense`, `Conv2D`, `Dropout`...).

Example:
    >>> from kerasedu.layers import Dense, Input
    >>> Dense(3)(Input(shape=(4,))).shape
    (None, 3)
"""

from kerasedu.layers.activation import Activation
from kerasedu.layers.advanced_activations import (
    ELU,
    LeakyReLU,
    PReLU,
    ReLU,
    Softmax,
    ThresholdedReLU,
)
from kerasedu.layers.attention import AdditiveAttention, Attention
from kerasedu.layers.batch_normalization import BatchNormalization
from kerasedu.layers.bidirectional import Bidirectional
from kerasedu.layers.conv import Conv1D, Conv2D
from kerasedu.layers.conv1d_transpose import Conv1DTranspose
from kerasedu.layers.conv2d_transpose import Conv2DTranspose
from kerasedu.layers.conv_variants import (
    DepthwiseConv1D,
    DepthwiseConv2D,
    SeparableConv1D,
    SeparableConv2D,
)
from kerasedu.layers.cropping2d import Cropping2D
from kerasedu.layers.dense import Dense
from kerasedu.layers.dropout import Dropout
from kerasedu.layers.embedding import Embedding
from kerasedu.layers.flatten import Flatten
from kerasedu.layers.global_pooling3d import (
    GlobalAveragePooling3D,
    GlobalAvgPool3D,
    GlobalMaxPool3D,
    GlobalMaxPooling3D,
)
from kerasedu.layers.gru import GRU
from kerasedu.layers.input_layer import Input, InputLayer
from kerasedu.layers.input_spec import InputSpec
from kerasedu.layers.lambda_layer import Lambda
from kerasedu.layers.layer import Layer
from kerasedu.layers.layer_normalization import LayerNormalization
from kerasedu.layers.lstm import LSTM
from kerasedu.layers.masking import Masking
from kerasedu.layers.merge_functions import (
    add,
    average,
    concatenate,
    dot,
    maximum,
    minimum,
    multiply,
    subtract,
)
from kerasedu.layers.merging import (
    Add,
    Average,
    Concatenate,
    Dot,
    Maximum,
    Minimum,
    Multiply,
    Subtract,
)
from kerasedu.layers.multi_head_attention import MultiHeadAttention
from kerasedu.layers.node import KerasTensor
from kerasedu.layers.noise import (
    ActivityRegularization,
    AlphaDropout,
    GaussianDropout,
    GaussianNoise,
    Identity,
    SpatialDropout1D,
    SpatialDropout2D,
    SpatialDropout3D,
)
from kerasedu.layers.normalization_variants import (
    GroupNormalization,
    RMSNormalization,
    UnitNormalization,
)
from kerasedu.layers.padding_cropping import Cropping1D, Cropping3D, ZeroPadding1D, ZeroPadding3D
from kerasedu.layers.permute import Permute
from kerasedu.layers.pooling import (
    AveragePooling1D,
    AveragePooling2D,
    AvgPool1D,
    AvgPool2D,
    GlobalAveragePooling1D,
    GlobalAveragePooling2D,
    GlobalAvgPool1D,
    GlobalAvgPool2D,
    GlobalMaxPool1D,
    GlobalMaxPool2D,
    GlobalMaxPooling1D,
    GlobalMaxPooling2D,
    MaxPool1D,
    MaxPool2D,
    MaxPooling1D,
    MaxPooling2D,
)
from kerasedu.layers.preprocessing_layers import CategoryEncoding, Normalization, Rescaling
from kerasedu.layers.random_affine import RandomRotation, RandomTranslation, RandomZoom
from kerasedu.layers.random_image import RandomBrightness, RandomContrast, RandomFlip
from kerasedu.layers.repeat_vector import RepeatVector
from kerasedu.layers.resampling import (
    CenterCrop,
    Resizing,
    UpSampling1D,
    UpSampling2D,
    UpSampling3D,
)
from kerasedu.layers.reshape import Reshape
from kerasedu.layers.simple_rnn import SimpleRNN
from kerasedu.layers.time_distributed import TimeDistributed
from kerasedu.layers.zero_padding2d import ZeroPadding2D

# Keras's longer spellings of the same classes
Convolution1DTranspose = Conv1DTranspose
Convolution2DTranspose = Conv2DTranspose
SeparableConvolution1D = SeparableConv1D
SeparableConvolution2D = SeparableConv2D


# Keras's `layers.serialize` / `layers.deserialize`. The serializer sits in saving, above
# layers (it imports every layer class), so these import it when called.
def serialize(layer):
    """Return ``layer``'s config, ``{"module", "class_name", "config", "registered_name"}``.

    Example:
        >>> serialize(Dense(2))["class_name"]
        'Dense'
    """
    from kerasedu.saving.serializer import serialize_keras_object  # saving imports layers

    return serialize_keras_object(layer)


def deserialize(config, custom_objects=None):
    """Build a new layer from `serialize`'s config (your classes in ``custom_objects``).

    Example:
        >>> deserialize(serialize(Dense(2))).units
        2
    """
    from kerasedu.saving.serializer import deserialize_layer  # saving imports layers

    return deserialize_layer(config, custom_objects)
