"""Groups of tickets that ask the same thing, found in a graph of nearest neighbours.

Both topic engines end here with one unit vector per ticket (sparse or dense):

1. each ticket is linked to its k most similar tickets (cosine): exactly, in row blocks, for
   sparse rows and small sets; above APPROXIMATE_FROM rows through an HNSW index (faiss), whose
   cost grows like n log n where the exact graph's grows like n²;
2. Leiden (igraph, modularity with a resolution) splits that graph into communities: the
   number of topics is found, not given; a higher resolution gives more, smaller topics;
3. a doubtful ticket leaves its topic: one that is barely closer to its topic's centre than to
   the next topic's (the margin), or far from the centre of the rest of its topic;
4. topics smaller than the minimum size dissolve: their tickets are one-offs (-1);
5. topics whose tickets the agents answered in the same words become one (merge_answered_alike).

A set larger than GROUP_SAMPLE is grouped as a sample that the other rows join (find_groups).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import igraph
import numpy as np
from scipy import sparse
from sklearn.cluster import AgglomerativeClustering

from kbgen.progress import Progress, silent
from kbgen.sampling import sample

SEED = 0
BLOCK_CELLS = 20_000_000  # similarities computed at a time: about 80 MB of float32
# From this many dense rows on, neighbours come from an HNSW graph (faiss-cpu: a wheel with no
# compiler or JIT step, and the same neighbours on every run). On Banking77's 13,083 questions
# these settings find 99.9% of the exact 5 nearest neighbours in 60% of the time.
APPROXIMATE_FROM = 5_000
HNSW_LINKS = 16  # M: links per row in the index (memory: 128 bytes a row)
HNSW_BUILD_BREADTH = 80  # efConstruction
HNSW_SEARCH_BREADTH = 64  # efSearch, at least 4k
# Rows grouped at once: about Banking77's size, where Leiden's groups match its questions best.
GROUP_SAMPLE = 20_000
# Rounds of a large set: the sample, then a sample of the rows that fit none of its groups (a
# third round added more groups of the same questions than new questions).
ROUNDS = 2
# An earlier run's rows left in no group that are grouped again with a new row: its nearest, as
# many as a row's links in the graph. A question asked a few times a week is found once its
# tickets of all runs make a group; the rest of the earlier one-offs cost nothing.
WAITING_NEAR = 5
# Topics whose tickets the agents answered in the same words ask one question, however
# differently customers put it (a macro, the same steps): one article answers them all. A
# topic's answers agree when the mean of their unit vectors is at least ANSWER_COHERENCE long
# (1 for one reply to every ticket, about 0.35 for 25 generic replies dealt at random), and two
# such topics merge where their mean answers, less the language's mean answer (a signature or
# closing every reply carries), have a cosine of ANSWER_ALIKE or more (average linkage). On
# benchmarks/draft_scale.py's 100k export, its 33 questions answered in their own words went
# from 9.0 drafts each to 3.2 (about one per distinct answer) at the same purity (0.711);
# Banking77's questions, given 25 generic replies, merged none.
ANSWER_COHERENCE = 0.6
ANSWER_ALIKE = 0.8
ANSWERED_SHARE = 0.5  # of a topic's sampled tickets with an answer, for its answers to count


@dataclass(frozen=True)
class Settings:
    neighbours: int  # k of the graph
    resolution: float  # Leiden's: higher splits questions finer
    edge_power: float  # edge weight = cosine ** edge_power (higher trusts close pairs more)
    min_margin: float  # own-centre cosine minus the best other centre's, to stay in a topic
    min_closeness: float = -1.0  # cosine to the centre of the rest of its topic, to stay in it


def resolution_for(n: int, most: float) -> float:
    """Leiden's resolution for n rows, of which find_groups groups GROUP_SAMPLE at most at once:
    more tickets hold more distinct questions (1.6 at 40 rows, 2.4 at 256, 4.1 at 13,000), never
    above most."""
    return float(np.clip(np.log10(max(min(n, GROUP_SAMPLE), 1)), 1.0, most))


def find_groups(
    vectors, min_size: int, settings: Settings, progress: Progress = silent, centres=None, waiting=None, order: np.ndarray | None = None
) -> np.ndarray:
    """A label per row of vectors (unit rows), -1 for rows that join no group of min_size.

    Up to GROUP_SAMPLE rows are grouped together. Of a larger set, a sample of that many (by
    order) is grouped, and every other row joins the group whose centre it fits (join_nearest); the rows
    that fit none are grouped the same way in the next round, for ROUNDS rounds at most. The
    groups then follow the share of each question, not the number of rows: more rows of one
    question are more members of its group, not more groups of it.

    centres: the unit centres of an earlier run's groups, labels 0 to len(centres) - 1 here. A row
    that fits one joins it first; a new group whose centre fits one joins it too; only the new
    groups take the confidence pass and the minimum size. waiting: rows an earlier run left in
    no group (labelled after vectors' rows); those among the WAITING_NEAR nearest of a row that
    fits no earlier group are grouped with the rows. order: each row's place in the samples
    (kbgen.sampling.sample; waiting's rows after vectors'). progress hears the rows placed."""
    n = vectors.shape[0]
    earlier = 0 if centres is None else len(centres)
    if waiting is not None and waiting.shape[0]:
        rest = np.flatnonzero(join_nearest(vectors, centres, settings) < 0) if earlier else np.arange(n)
        near = _nearest_rows(vectors[rest], waiting, WAITING_NEAR)
        stack = sparse.vstack if sparse.issparse(vectors) else np.vstack
        order = np.concatenate([order[:n], order[n + near]]) if order is not None else None
        found = find_groups(stack([vectors, waiting[near]]), min_size, settings, progress, centres, order=order)
        labels = np.full(n + waiting.shape[0], -1, dtype=np.int64)
        labels[:n], labels[n + near] = found[:n], found[n:]
        return labels
    progress("grouping", 0, n)
    if n <= GROUP_SAMPLE and not earlier:
        labels = _keep_confident(vectors, _communities(vectors, min_size, settings), min_size, settings)
        progress("grouping", n, n)
        return labels
    if earlier:
        labels = join_nearest(vectors, centres, settings)
    else:
        labels, centres = np.full(n, -1, dtype=np.int64), np.zeros((0, vectors.shape[1]), dtype=np.float32)
    rest = np.flatnonzero(labels < 0)
    for at in range(ROUNDS):
        if len(rest) < max(min_size, 3):
            break
        chosen = sample(rest, GROUP_SAMPLE, order, seed=SEED + at)
        picked = vectors[chosen]
        found = _keep_confident(picked, _communities(picked, min_size, settings), min_size, settings)
        member = np.flatnonzero(found >= 0)
        if not len(member):
            break
        groups, found_at = np.unique(found[member], return_inverse=True)
        sums = sparse.csr_matrix((np.ones(len(member)), (found_at, member)), shape=(len(groups), len(chosen))) @ picked
        sums = sums.toarray() if sparse.issparse(sums) else np.asarray(sums)
        new = (sums / np.linalg.norm(sums, axis=1, keepdims=True)).astype(np.float32)
        # A group of rows that fit no earlier group by a little (between two of them, or at one's
        # edge) is still that group's question where its centre fits that group's centre.
        same = join_nearest(new, centres, settings)
        label_of = np.where(same >= 0, same, len(centres) + np.cumsum(same < 0) - 1)
        labels[chosen[member]] = label_of[found_at]
        centres = np.vstack([centres, new[same < 0]])
        others = np.setdiff1d(rest, chosen, assume_unique=True)
        labels[others] = join_nearest(vectors[others], centres, settings)
        rest = others[labels[others] < 0]
        progress("grouping", n - len(rest), n)
    if not earlier:
        return _keep_confident(vectors, labels, min_size, settings)
    grown = np.flatnonzero(labels >= earlier)
    kept = _keep_confident(vectors[grown], labels[grown] - earlier, min_size, settings)
    labels[grown] = np.where(kept >= 0, kept + earlier, -1)
    return labels


def join_nearest(vectors, centres: np.ndarray, settings: Settings) -> np.ndarray:
    """For each row, the index of the centre (unit rows) it fits, -1 for none: its nearest, when
    it is close enough (min_closeness) and nearer than the next by min_margin."""
    labels = np.full(vectors.shape[0], -1, dtype=np.int64)
    if not len(centres):
        return labels
    block = max(64, BLOCK_CELLS // len(centres))
    for start in range(0, vectors.shape[0], block):
        similarity = np.asarray(vectors[start : start + block] @ centres.T, dtype=np.float32)
        at = np.arange(len(similarity))
        best = similarity.argmax(axis=1)
        closest = similarity[at, best].copy()
        similarity[at, best] = -np.inf
        margin = closest - (similarity.max(axis=1) if len(centres) > 1 else -1.0)
        labels[start : start + block] = np.where((margin >= settings.min_margin) & (closest >= settings.min_closeness), best, -1)
    return labels


def merge_answered_alike(labels: np.ndarray, rows: np.ndarray, answers: sparse.csr_matrix, first: int = 0) -> np.ndarray:
    """labels with the groups (from first on) whose answers agree and are alike made one, under
    the lowest of their labels; answers: a unit (or empty) row for each of rows, a sample of
    each group's rows and of the one-offs (-1), whose mean is the language's mean answer."""
    answered = answers.getnnz(axis=1) > 0
    if not answered.any():
        return labels
    mean = np.asarray(answers[answered].mean(axis=0)).ravel()
    grouped = labels[rows] >= 0
    groups, own = np.unique(labels[rows][grouped], return_inverse=True)
    membership = sparse.csr_matrix((np.ones(len(own)), (own, np.flatnonzero(grouped))), shape=(len(groups), len(rows)))
    counts, answered_counts = membership.sum(axis=1).A1, membership @ answered.astype(np.float64)
    means = sparse.csr_matrix(sparse.diags(1 / np.maximum(answered_counts, 1)) @ (membership @ answers))
    coherence = np.sqrt(np.asarray(means.multiply(means).sum(axis=1)).ravel())
    chosen = np.flatnonzero((groups >= first) & (answered_counts >= ANSWERED_SHARE * counts) & (coherence >= ANSWER_COHERENCE))
    if len(chosen) < 2:
        return labels
    means = means[chosen]
    along = means @ mean  # each group's mean answer . the language's
    # cos(a - m, b - m) from the dot products: the dense (groups x vocabulary) means never exist.
    centred = (means @ means.T).toarray() - along[:, None] - along[None, :] + mean @ mean
    length = np.sqrt(np.maximum(np.diag(centred), 1e-12))
    distance = np.clip(1 - centred / np.outer(length, length), 0, 2)
    np.fill_diagonal(distance, 0)
    merged = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1 - ANSWER_ALIKE).fit_predict(distance)
    target = np.arange(int(labels.max(initial=-1)) + 1)
    for cluster in np.unique(merged):
        members = groups[chosen[merged == cluster]]
        target[members] = members.min()
    return np.where(labels >= 0, target[np.maximum(labels, 0)], labels)


def _nearest_rows(queries, rows, k: int) -> np.ndarray:
    """The indices of the rows among the k most similar to any of the queries, in order."""
    if not queries.shape[0]:
        return np.zeros(0, dtype=np.int64)
    k = min(k, rows.shape[0])
    block = max(64, BLOCK_CELLS // rows.shape[0])
    found = []
    for start in range(0, queries.shape[0], block):
        similarity = queries[start : start + block] @ rows.T
        similarity = similarity.toarray() if sparse.issparse(similarity) else np.asarray(similarity)
        found.append(np.argpartition(-similarity, k - 1, axis=1)[:, :k].ravel())
    return np.unique(np.concatenate(found))


def _communities(vectors, min_size: int, settings: Settings) -> np.ndarray:
    """Leiden's communities of the rows' nearest-neighbour graph (all -1 for too few rows)."""
    n = vectors.shape[0]
    if n < max(min_size, 3):
        return np.full(n, -1, dtype=np.int64)
    k = min(settings.neighbours, n - 1)
    rows, cols, cosines = nearest(vectors, k)
    weights = np.maximum(cosines, 1e-6) ** settings.edge_power
    graph = sparse.csr_matrix((weights, (rows, cols)), shape=(n, n))
    graph = sparse.triu(graph.maximum(graph.T), 1).tocoo()  # undirected, each edge once
    return _leiden(n, graph, settings.resolution)


def nearest(vectors, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, neighbour, cosine) triples: each row's k most similar other rows."""
    if not sparse.issparse(vectors) and vectors.shape[0] >= APPROXIMATE_FROM:
        return _approximate_nearest(np.ascontiguousarray(vectors, dtype=np.float32), k)
    return _exact_nearest(vectors, k)


def _approximate_nearest(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    import faiss  # here: only large sets pay for its import

    n, dimensions = vectors.shape
    index = faiss.IndexHNSWFlat(dimensions, HNSW_LINKS, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = HNSW_BUILD_BREADTH
    index.add(vectors)
    index.hnsw.efSearch = max(HNSW_SEARCH_BREADTH, 4 * k)
    cosines, found = index.search(vectors, k + 1)  # each row finds itself too, mostly first
    # A row's own hit, or the last one where a duplicate row came first, makes room for k others.
    own = found == np.arange(n)[:, None]
    own[~own.any(axis=1), k] = True
    keep = ~own & (found >= 0)
    rows = np.repeat(np.arange(n), keep.sum(axis=1))
    return rows, found[keep], cosines[keep].astype(np.float64)


def _exact_nearest(vectors, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = vectors.shape[0]
    block = max(64, BLOCK_CELLS // n)
    rows, cols, cosines = [], [], []
    for start in range(0, n, block):
        similarity = vectors[start : start + block] @ vectors.T
        similarity = similarity.toarray() if sparse.issparse(similarity) else np.asarray(similarity)
        own = np.arange(similarity.shape[0])
        similarity[own, start + own] = -np.inf  # a row is not its own neighbour
        best = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
        rows.append(np.repeat(start + own, k))
        cols.append(best.ravel())
        cosines.append(np.take_along_axis(similarity, best, axis=1).ravel())
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(cosines).astype(np.float64)


def _leiden(n: int, graph: sparse.coo_matrix, resolution: float) -> np.ndarray:
    network = igraph.Graph(n=n, edges=np.column_stack([graph.row, graph.col]).tolist(), edge_attrs={"weight": graph.data.tolist()})
    # igraph draws from a global generator: seeded for each run, the same input gives the same topics.
    igraph.set_random_number_generator(random.Random(SEED))
    try:
        partition = network.community_leiden(objective_function="modularity", weights="weight", resolution=resolution, n_iterations=2)
    finally:
        igraph.set_random_number_generator(random)
    return np.asarray(partition.membership, dtype=np.int64)


def _keep_confident(vectors, found: np.ndarray, min_size: int, settings: Settings) -> np.ndarray:
    """found renumbered, with doubtful rows and groups below min_size set to -1."""
    n = len(found)
    grouped = found >= 0
    sizes = np.bincount(found[grouped])
    big = np.flatnonzero(sizes >= min_size)
    labels = np.full(n, -1, dtype=np.int64)
    if len(big) == 0:
        return labels
    index = np.full(len(sizes), -1)
    index[big] = np.arange(len(big))
    own = np.full(n, -1)
    own[grouped] = index[found[grouped]]
    member = np.flatnonzero(own >= 0)
    membership = sparse.csr_matrix((np.ones(len(member)), (own[member], member)), shape=(len(big), n))
    sums = membership @ vectors
    sums = sums.toarray() if sparse.issparse(sums) else np.asarray(sums)
    sums_sq = (sums**2).sum(axis=1)
    norms = np.sqrt(np.maximum(sums_sq, 1e-12))
    row_sq = np.asarray(vectors.multiply(vectors).sum(axis=1) if sparse.issparse(vectors) else (vectors**2).sum(axis=1)).ravel()
    keep = np.zeros(n, dtype=bool)
    block = max(64, BLOCK_CELLS // len(big))
    for start in range(0, len(member), block):
        rows = member[start : start + block]
        dots = vectors[rows] @ sums.T  # against the unnormalised centres (sums of members)
        dots = np.asarray(dots.toarray() if sparse.issparse(dots) else dots, dtype=np.float64)
        at, mine = np.arange(len(rows)), own[rows]
        # Its own centre without the ticket itself: a small group's centre leans to every member.
        own_dot = dots[at, mine] - row_sq[rows]
        closeness = own_dot / np.sqrt(np.maximum(sums_sq[mine] - 2 * dots[at, mine] + row_sq[rows], 1e-12))
        similarity = dots / norms
        margin = similarity[at, mine].copy()
        similarity[at, mine] = -np.inf
        margin -= similarity.max(axis=1) if len(big) > 1 else -1.0
        keep[rows] = (margin >= settings.min_margin) & (closeness >= settings.min_closeness)
    labels[keep] = own[keep]
    sizes = np.bincount(labels[labels >= 0], minlength=len(big))
    labels[(labels >= 0) & (sizes[np.maximum(labels, 0)] < min_size)] = -1
    return labels
