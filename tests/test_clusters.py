"""Groups in a nearest-neighbour graph: found, not given; doubtful rows left out; repeatable."""

import numpy as np
from scipy import sparse

from kbgen.clusters import Settings, find_groups, merge_answered_alike

SETTINGS = Settings(neighbours=5, resolution=1.0, edge_power=1.0, min_margin=0.05, min_closeness=0.5)


def blobs(sizes=(12, 9, 7), stray=2, seed=1) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors around len(sizes) directions, plus stray rows that belong to none."""
    rng = np.random.default_rng(seed)
    centres = np.eye(16)[: len(sizes)]
    rows, truth = [], []
    for label, size in enumerate(sizes):
        rows.append(centres[label] + 0.1 * rng.standard_normal((size, 16)))
        truth += [label] * size
    rows.append(rng.standard_normal((stray, 16)))
    truth += [-1] * stray
    vectors = np.vstack(rows)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True), np.array(truth)


def test_groups_are_found_and_strays_left_out():
    vectors, truth = blobs()
    labels = find_groups(vectors, 5, SETTINGS)
    assert set(labels[truth == -1]) == {-1}
    for label in range(3):
        found = set(labels[truth == label])
        assert len(found) == 1 and found != {-1}
    assert len(set(labels) - {-1}) == 3


def test_a_group_below_the_minimum_size_dissolves():
    vectors, truth = blobs(sizes=(12, 4), stray=0)
    labels = find_groups(vectors, 5, SETTINGS)
    assert set(labels[truth == 1]) == {-1}
    assert (labels[truth == 0] >= 0).sum() >= 5


def test_sparse_and_dense_rows_give_the_same_groups_every_time():
    vectors, _ = blobs()
    dense = find_groups(vectors, 5, SETTINGS)
    assert (find_groups(sparse.csr_matrix(vectors), 5, SETTINGS) == dense).all()
    assert (find_groups(vectors, 5, SETTINGS) == dense).all()


def test_large_sets_find_their_neighbours_in_an_index_with_the_same_groups(monkeypatch):
    import kbgen.clusters

    vectors, _ = blobs(sizes=(40, 30, 25), stray=5)
    exact = find_groups(vectors, 5, SETTINGS)
    calls = []
    index = kbgen.clusters._approximate_nearest
    monkeypatch.setattr(kbgen.clusters, "_approximate_nearest", lambda v, k: calls.append(k) or index(v, k))
    monkeypatch.setattr(kbgen.clusters, "APPROXIMATE_FROM", 50)
    assert (find_groups(vectors, 5, SETTINGS) == exact).all() and calls == [5]
    rows, cols, _ = kbgen.clusters.nearest(vectors.astype(np.float32), 5)
    assert len(rows) == 5 * len(vectors) and not (rows == cols).any()  # k others, never itself


def test_a_set_larger_than_the_sample_gets_one_group_per_question_not_more(monkeypatch):
    import kbgen.clusters

    vectors, truth = blobs(sizes=(300, 200, 150, 12), stray=20)
    monkeypatch.setattr(kbgen.clusters, "GROUP_SAMPLE", 100)
    labels = find_groups(vectors, 5, SETTINGS)
    # The 12 rows of the rarest question are 2 of a sample of 100: too few to find in a sample.
    for label in range(3):
        found = set(labels[truth == label])
        assert len(found) == 1 and found != {-1}
    assert set(labels[truth == -1]) == {-1}
    assert len(set(labels) - {-1}) in (3, 4)


def test_rows_join_an_earlier_runs_groups_and_the_rest_group_anew():
    vectors, truth = blobs(sizes=(12, 9, 7, 4))
    earlier = np.vstack([vectors[truth == label].sum(axis=0) for label in (0, 1)])
    earlier /= np.linalg.norm(earlier, axis=1, keepdims=True)
    for rows in (vectors, sparse.csr_matrix(vectors)):
        labels = find_groups(rows, 5, SETTINGS, centres=earlier)
        assert set(labels[truth == 0]) == {0} and set(labels[truth == 1]) == {1}
        [new] = set(labels[truth == 2])
        assert new >= 2  # a new group, numbered after the earlier ones
        # Four rows of a question are no group yet: they wait for more.
        assert set(labels[truth == 3]) == set(labels[truth == -1]) == {-1}


def test_waiting_rows_near_new_ones_make_a_group_with_them_and_the_others_keep_waiting():
    vectors, truth = blobs(sizes=(12, 9, 7, 7))
    earlier = vectors[truth == 0].sum(axis=0, keepdims=True)
    earlier /= np.linalg.norm(earlier)
    # An earlier run left three rows of question 2 and three of question 3 in no group.
    waiting = np.vstack([vectors[truth == 2][:3], vectors[truth == 3][:3]])
    new = np.vstack([vectors[truth == 0], vectors[truth == 2][3:], vectors[truth == 3][3:4]])
    labels = find_groups(new, 5, SETTINGS, centres=earlier, waiting=waiting)
    assert len(labels) == len(new) + len(waiting)
    assert set(labels[:12]) == {0}
    [grown] = set(labels[12:16]) | set(labels[len(new) : len(new) + 3])
    assert grown >= 1  # seven rows of question 2 across two runs: a new group
    assert set(labels[16:17]) | set(labels[len(new) + 3 :]) == {-1}  # four rows of question 3: not yet


def answer_rows(groups: dict[int, list[np.ndarray]]) -> tuple[np.ndarray, np.ndarray, sparse.csr_matrix]:
    """labels, rows and unit answer vectors of the given groups' rows (label -> answers)."""
    labels = np.concatenate([[label] * len(answers) for label, answers in groups.items()])
    vectors = np.vstack([a for answers in groups.values() for a in answers])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return labels, np.arange(len(labels)), sparse.csr_matrix(vectors)


def test_groups_answered_in_the_same_words_become_one_and_generic_replies_merge_nothing():
    rng = np.random.default_rng(3)
    words = np.eye(40)
    closing = words[39]  # a signature every reply carries
    macro = {"reset": words[0] + words[1] + closing, "lockout": words[2] + words[3] + closing}
    generic = [words[10 + k] + closing for k in range(25)]  # 25 replies that say nothing of the question

    def dealt(n):
        return [generic[k] for k in rng.integers(0, 25, n)]

    labels, rows, answers = answer_rows({
        0: [macro["reset"]] * 8,
        1: [macro["reset"]] * 6 + [macro["lockout"]],  # one agent answered otherwise
        2: [macro["lockout"]] * 7,
        3: dealt(30),
        4: dealt(30),
    })  # fmt: skip
    merged = merge_answered_alike(labels, rows, answers)
    assert set(merged[labels == 1]) == {0}  # the reset macro's two groups: one
    assert set(merged[labels == 2]) == {2}  # the lockout macro stays apart despite the closing
    assert set(merged[labels == 3]) == {3} and set(merged[labels == 4]) == {4}  # generic: never
    # Groups before first (an earlier run's topics) keep their label.
    assert set(merge_answered_alike(labels, rows, answers, first=1)[labels == 1]) == {1}


def test_the_language_mean_answer_comes_from_every_ticket_so_two_alike_groups_still_merge():
    words = np.eye(20)
    macro = words[0] + words[1]
    one_offs = [words[5 + k] for k in range(12)]  # one-off questions, each answered its own way
    labels, rows, answers = answer_rows({0: [macro] * 6, 1: [macro] * 6, -1: one_offs})
    assert set(merge_answered_alike(labels, rows, answers)[labels >= 0]) == {0}
    # Where every ticket of the language got that reply, it is what every reply says: no merge.
    labels, rows, answers = answer_rows({0: [macro] * 6, 1: [macro] * 6})
    assert list(merge_answered_alike(labels, rows, answers)) == list(labels)
