# syntax=docker/dockerfile:1
# Formhaus as an image: the standalone server (bin/formhaus serve) on Java 17, as a non-root user.
#   docker build -t formhaus .
#   docker run -p 8080:8080 -v formhaus-data:/var/lib/formhaus formhaus            # embedded H2 under the volume
#   docker run -p 8080:8080 -e FORMHAUS_DB_URL=jdbc:mariadb://db:3306/formhaus ... formhaus
# compose.yaml runs it with MariaDB. Configuration: FORMHAUS_* environment variables (README, "Configuration").

# --- build: the same Maven build as on a developer's machine, tests skipped (CI runs them) -----------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY conf conf
COPY src src
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package

# --- run: a JRE, the launcher, the compiled classes and their libraries; nothing of Maven ---------------------------
FROM eclipse-temurin:17-jre
# curl for the health check only
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system formhaus \
    && useradd --system --gid formhaus --home-dir /var/lib/formhaus --shell /usr/sbin/nologin formhaus \
    && install -d -o formhaus -g formhaus -m 0750 /var/lib/formhaus
WORKDIR /opt/formhaus
COPY bin bin
COPY conf conf
COPY --from=build /src/target/lib target/lib
COPY --from=build /src/target/classes target/classes
USER formhaus
# The working directory holds the embedded database (./data) when no FORMHAUS_DB_URL is given.
WORKDIR /var/lib/formhaus
VOLUME /var/lib/formhaus
ENV FORMHAUS_PORT=8080
EXPOSE 8080
# Healthy = ready to serve: the database answers with Formhaus's schema (/readyz). An orchestrator with separate
# probes should use /livez for liveness and /readyz for readiness.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/readyz || exit 1
# exec form: the launcher execs java, which gets SIGTERM from `docker stop` and stops gracefully (deliveries in
# flight finish for delivery.shutdown.grace.seconds, 20 s by default: give `docker stop` 30 s, see compose.yaml).
ENTRYPOINT ["/opt/formhaus/bin/formhaus", "serve"]
