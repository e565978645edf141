# syntax=docker/dockerfile:1.7
# One image recipe for the five services; the build argument MODULE picks the Maven module (and so the image),
# SERVICE_PORT its HTTP port (API and /actuator). Build from the repository root (the build context):
#   docker build --build-arg MODULE=gateway-service --build-arg SERVICE_PORT=8080 -t persona-composer/gateway-service .
# docker-compose.yml and .github/workflows/deploy.yml pass the same pairs; deploy/validate checks them against the
# modules' server.port and the Terraform task definitions.

# Base images are pinned by tag and digest: the multi-platform index digest of each tag on Docker Hub's
# library/eclipse-temurin, as recorded by several public repositories that inspected it with
# `docker buildx imagetools inspect eclipse-temurin:<tag>` (which prints the digest of a newer tag; Dependabot
# proposes updates too). Renew both stages together.

# ---- build: compile only this module and the modules it depends on ----
FROM eclipse-temurin:21.0.11_10-jdk-noble@sha256:35685c7e23352983a48882d97cd9875f5284c228db71d1e2476e5e6c1bab1080 AS build
ARG MODULE
WORKDIR /workspace
# .dockerignore keeps target/, .git, node tools and the infrastructure code out of the context.
COPY . .
# ~/.m2 is a BuildKit cache mount: dependencies are downloaded once and reused by every
# later build of every service, without ending up in an image layer.
# Tests are not run here: CI runs `./mvnw verify` before any image is built.
# (SC2215: dockerlinter hands the BuildKit --mount flag to shellcheck as if it were the command.)
# linter ignore=SC2215
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    test -n "$MODULE" && test -f "$MODULE/pom.xml" \
 && ./mvnw -B -ntp -pl "$MODULE" -am package -DskipTests \
 && java -Djarmode=tools -jar "$MODULE/target/$MODULE.jar" extract --layers --launcher --destination /workspace/extracted

# ---- run: JRE only, Spring Boot layers from least to most frequently changed ----
FROM eclipse-temurin:21.0.11_10-jre-noble@sha256:373787d1d45a87f084fda43e7de0e9acf5eedee049446efac738f13587ec4c64
ARG SERVICE_PORT
RUN test -n "$SERVICE_PORT" \
 && groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-log-init --no-create-home --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
# Files stay owned by root: the service can read its code but never rewrite it.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
# The Amazon RDS certificate authorities (DocumentDB's TLS certificates), vendored in the repository so the build
# fetches nothing unchecked. Only persona-service uses them, through an SSL bundle for its MongoDB client
# (SPRING_SSL_BUNDLE_PEM_DOCUMENTDB_TRUSTSTORE_CERTIFICATE in Terraform); no JVM-wide trust store changes.
COPY docker/certs/rds-global-bundle.pem /app/certs/global-bundle.pem
USER 10001:10001
ENV SERVICE_PORT=${SERVICE_PORT}
# The service's port, and the management port (/actuator) that ECS and compose give every service
# (MANAGEMENT_SERVER_PORT=9080).
EXPOSE ${SERVICE_PORT} 9080
# Liveness only (the process works); whether it can reach Kafka, MongoDB or S3 is readiness, the load balancer's
# question. On the management port when MANAGEMENT_SERVER_PORT is set, else on the service's port. No curl or wget
# is relied on: bash's /dev/tcp sends a plain HTTP GET and the check passes only on a 200 status line.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_SERVER_PORT:-$SERVICE_PORT} && printf 'GET /actuator/health/liveness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# Container-aware heap: 75 % of the memory limit; die on OOM so the orchestrator restarts us.
# /tmp is the only path the service writes (a tmpfs / ECS volume under a read-only root).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:InitialRAMPercentage=25", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseContainerSupport", "-Djava.io.tmpdir=/tmp", "-Djava.security.egd=file:/dev/./urandom", "org.springframework.boot.loader.launch.JarLauncher"]
