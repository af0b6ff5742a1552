"""Ready-made model architectures with Keras's layer names (ImageNet weights load into them).

Example:
    >>> from kerasedu.applications import VGG16
    >>> callable(VGG16)
    True
"""

from kerasedu.applications import vgg16
from kerasedu.applications.vgg16 import VGG16
