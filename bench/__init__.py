"""`make bench`: redactd's figures next to baselines measured in the same run.

corpus.py makes the seeded test corpus, baseline_re.py is the `re` redactor the
core is compared with, core_bench.py and service_bench.py measure, loadgen.py is
the Python load generator used when h2load is missing, and server_models.py
(run on its own) compares grpcio's sync and asyncio servers.
"""
