# syntax=docker/dockerfile:1
# Build stage: Maven + JDK 17 build the shaded jar (tests run in CI, not in the image build).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src ./src
RUN mvn -B -ntp -q -DskipTests package

# Runtime stage: a Java 17 JRE, a non-root user, the data volume and the config mount.
FROM eclipse-temurin:17-jre
RUN groupadd --system tldrbot && useradd --system --gid tldrbot --home-dir /app --shell /usr/sbin/nologin tldrbot
WORKDIR /app
COPY --from=build /src/target/tldr-bot.jar /app/tldr-bot.jar
COPY config/tldr-bot.yaml /app/config/tldr-bot.yaml
RUN mkdir -p /app/data && chown -R tldrbot:tldrbot /app/data
USER tldrbot
# SQLite database and WAL files live here: mount a volume to keep them across restarts.
VOLUME ["/app/data"]
# The Discord token comes from the environment (docker run -e DISCORD_TOKEN=...); empty = preview mode.
ENV DISCORD_TOKEN=""
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/tldr-bot.jar"]
CMD ["run", "--config", "/app/config/tldr-bot.yaml"]
