"""CSVLogger: a header "epoch,<sorted names>", one row per epoch, append to continue a run."""

from kerasedu.callbacks import CSVLogger


def run_epochs(logger, epochs):
    logger.on_train_begin()
    for epoch, logs in epochs:
        logger.on_epoch_end(epoch, logs)
    logger.on_train_end()


def test_header_has_epoch_then_sorted_names(tmp_path):
    path = tmp_path / "log.csv"
    run_epochs(
        CSVLogger(path),
        [(0, {"loss": 0.5, "accuracy": 0.25}), (1, {"loss": 0.25, "accuracy": 0.5})],
    )
    assert path.read_text().splitlines() == ["epoch,accuracy,loss", "0,0.25,0.5", "1,0.5,0.25"]


def test_separator_and_overwrite(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text("old content\n")
    run_epochs(CSVLogger(path, separator=";"), [(0, {"loss": 1.0})])
    assert path.read_text().splitlines() == ["epoch;loss", "0;1.0"]


def test_append_continues_without_a_second_header(tmp_path):
    path = tmp_path / "log.csv"
    run_epochs(CSVLogger(path), [(0, {"loss": 1.0})])
    run_epochs(CSVLogger(path, append=True), [(1, {"loss": 0.5})])
    assert path.read_text().splitlines() == ["epoch,loss", "0,1.0", "1,0.5"]
    fresh = tmp_path / "new.csv"
    run_epochs(CSVLogger(fresh, append=True), [(0, {"loss": 2.0})])
    assert fresh.read_text().splitlines() == ["epoch,loss", "0,2.0"]
