# syntax=docker/dockerfile:1
# redactd: `docker build -t redactd:0.1.0 .` (README: Deploying). Two stages: the first
# compiles the Cython core (profile-guided, as `make install` does) into a wheel beside
# the wheels of its dependencies; the second installs them on a clean slim image.

FROM python:3.11-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN pip wheel --no-cache-dir --wheel-dir /wheels ./client .

FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1
# The wheels are mounted from the first stage, not copied: no layer keeps them. Importing
# the core once writes its table cache (beside the module, as .pyc files are) while the
# package is writable: at run time the root filesystem may be read-only.
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-index --find-links=/wheels redactd \
    && python -c "import redactd.core"
RUN groupadd --gid 10001 redactd \
    && useradd --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin redactd
USER 10001:10001
EXPOSE 50051
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=3 \
    CMD ["python", "-m", "redactd.healthcheck", "--address", "127.0.0.1:50051"]
ENTRYPOINT ["redactd", "serve"]
CMD ["--address", "0.0.0.0:50051"]
