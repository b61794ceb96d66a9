"""Scale: code a sharded corpus on a Dask cluster or on every core of one machine.

Reads: JSONL, JSONL.gz and Parquet shards (``shards``). Adds: Parquet partitions per
shard and table with a manifest (``parquet``), written by the local or the Dask engine
(``run``, ``dask_engine``); ``load`` puts them into the SQLite store; ``local_jobs`` runs
the plain ``code`` command on N processes.
"""

from dragoman.scale.coding import ShardResult, code_shard
from dragoman.scale.load import load_output
from dragoman.scale.local_jobs import code_parallel, code_paths_parallel
from dragoman.scale.parquet import TABLES, output_json, output_records, read_manifest, read_table
from dragoman.errors import ShardsFailedError
from dragoman.scale.run import ENGINES, RunReport, code_corpus
from dragoman.scale.shards import Shard, find_shards, read_shard, split_shards

__all__ = [
    "ENGINES", "RunReport", "Shard", "ShardResult", "ShardsFailedError", "TABLES", "code_corpus", "code_parallel", "code_paths_parallel", "code_shard",
    "find_shards", "load_output", "split_shards", "output_json", "output_records", "read_manifest", "read_shard", "read_table",
]
