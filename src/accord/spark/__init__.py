"""accord on Apache Spark (`pip install 'accord[spark]'`): the extraction `accord extract` runs, spread
over a cluster's executors, writing the Parquet datasets of accord.export.datasets (`accord spark
extract`); `accord spark link` (accord.spark.linking) links them there as the store would, writing
stories and merged events; `accord load` (accord.loading) stores them and links them in the store.

Nothing here is imported by the rest of accord, so pyspark is needed only by these commands.
"""
