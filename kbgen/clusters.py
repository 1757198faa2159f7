"""Groups of tickets that ask the same thing, found in a graph of nearest neighbours.

Both topic engines end here with one unit vector per ticket (sparse or dense):

1. each ticket is linked to its k most similar tickets (cosine): exactly, in row blocks, for
   sparse rows and small sets; above APPROXIMATE_FROM rows through an HNSW index (faiss), whose
   cost grows like n log n where the exact graph's grows like n²;
2. Leiden (igraph, modularity with a resolution) splits that graph into communities: the
   number of topics is found, not given; a higher resolution gives more, smaller topics;
3. a doubtful ticket leaves its topic: one that is barely closer to its topic's centre than to
   the next topic's (the margin), or far from the centre of the rest of its topic;
4. topics smaller than the minimum size dissolve: their tickets are one-offs (-1).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import igraph
import numpy as np
from scipy import sparse

SEED = 0
BLOCK_CELLS = 20_000_000  # similarities computed at a time: about 80 MB of float32
# From this many dense rows on, neighbours come from an HNSW graph (faiss-cpu: a wheel with no
# compiler or JIT step, and the same neighbours on every run). On Banking77's 13,083 questions
# these settings find 99.9% of the exact 5 nearest neighbours, in a third of the time.
APPROXIMATE_FROM = 5_000
HNSW_LINKS = 16  # M: links per row in the index (memory: 128 bytes a row)
HNSW_BUILD_BREADTH = 80  # efConstruction
HNSW_SEARCH_BREADTH = 64  # efSearch, at least 4k


@dataclass(frozen=True)
class Settings:
    neighbours: int  # k of the graph
    resolution: float  # Leiden's: higher splits questions finer
    edge_power: float  # edge weight = cosine ** edge_power (higher trusts close pairs more)
    min_margin: float  # own-centre cosine minus the best other centre's, to stay in a topic
    min_closeness: float = -1.0  # cosine to the centre of the rest of its topic, to stay in it


def resolution_for(n: int, most: float) -> float:
    """Leiden's resolution for n rows: more tickets hold more distinct questions (1.6 at 40
    rows, 2.4 at 256, 4.1 at 13,000), never above most."""
    return float(np.clip(np.log10(max(n, 1)), 1.0, most))


def find_groups(vectors, min_size: int, settings: Settings) -> np.ndarray:
    """A label per row of vectors (unit rows), -1 for rows that join no group of min_size."""
    n = vectors.shape[0]
    labels = np.full(n, -1, dtype=np.int64)
    if n < max(min_size, 3):
        return labels
    k = min(settings.neighbours, n - 1)
    rows, cols, cosines = nearest(vectors, k)
    weights = np.maximum(cosines, 1e-6) ** settings.edge_power
    graph = sparse.csr_matrix((weights, (rows, cols)), shape=(n, n))
    graph = sparse.triu(graph.maximum(graph.T), 1).tocoo()  # undirected, each edge once
    found = _leiden(n, graph, settings.resolution)
    return _keep_confident(vectors, found, min_size, settings)


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
    sizes = np.bincount(found)
    big = np.flatnonzero(sizes >= min_size)
    labels = np.full(n, -1, dtype=np.int64)
    if len(big) == 0:
        return labels
    index = np.full(len(sizes), -1)
    index[big] = np.arange(len(big))
    own = index[found]
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
