"""ProgbarLogger: "Epoch i/n" lines; validation inside fit joins the epoch's line."""

from kerasedu.callbacks import ProgbarLogger


def logger(**params):
    callback = ProgbarLogger()
    callback.set_params({"epochs": 2, "steps": 2, "verbose": 2, **params})
    return callback


def test_each_epoch_prints_its_number_and_final_logs(capsys):
    callback = logger()
    callback.on_train_begin()
    for epoch in range(2):
        callback.on_epoch_begin(epoch)
        callback.on_train_batch_end(0, {"loss": 0.5})
        callback.on_train_batch_end(1, {"loss": 0.25})
        callback.on_epoch_end(epoch, {"loss": 0.25})
    callback.on_train_end()
    out = capsys.readouterr().out
    assert out.count("Epoch 1/2") == 1 and out.count("Epoch 2/2") == 1
    assert "loss: 0.2500" in out
    assert not callback.in_fit


def test_validation_inside_fit_prints_no_line_of_its_own(capsys):
    callback = logger()
    callback.on_train_begin()
    callback.on_epoch_begin(0)
    callback.on_train_batch_end(0, {"loss": 0.5})
    capsys.readouterr()
    callback.on_test_begin()
    callback.on_test_batch_end(0, {"loss": 0.75})
    callback.on_test_end({"loss": 0.75})
    assert capsys.readouterr().out == ""
    assert callback.seen == 1  # the training count is untouched


def test_verbose_zero_prints_nothing(capsys):
    callback = logger(verbose=0)
    callback.on_epoch_begin(0)
    callback.on_train_batch_end(0, {"loss": 0.5})
    callback.on_epoch_end(0, {"loss": 0.5})
    assert capsys.readouterr().out == ""
