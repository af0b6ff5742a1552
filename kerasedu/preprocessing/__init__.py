"""Data preprocessing (Keras's legacy ``keras.preprocessing``): images and sequences.

Example:
    >>> from kerasedu.preprocessing.sequence import pad_sequences
    >>> pad_sequences([[1], [2, 3]]).tolist()
    [[0, 1], [2, 3]]
"""

from kerasedu.preprocessing import image, sequence
