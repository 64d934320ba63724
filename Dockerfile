# The Kepu server (API + the H5 build) for production: docker-compose.yml runs
# it behind nginx with MariaDB and Redis. Configuration comes from the
# environment (README: "Running at larger scale").

# --- build: compile shared and server, build the H5 app ---
FROM node:22-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source where no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.base.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY miniapp/package.json miniapp/
RUN npm ci --no-audit --no-fund
COPY shared shared
COPY server server
COPY miniapp miniapp
RUN npm run build && npm run build:h5

# --- deps: production dependencies only ---
FROM node:22-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY miniapp/package.json miniapp/
# No package's install script runs but better-sqlite3's native build.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3

# --- the image that runs ---
FROM node:22-bookworm-slim
ENV NODE_ENV=production
# glibc gives each libuv thread its own malloc arena; two keep the server's RSS near its live memory (BENCHMARKS.md).
ENV MALLOC_ARENA_MAX=2
# Noto CJK: the volunteer certificate PDF is set in Chinese (server/src/modules/volunteers/certificate.ts finds it).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=deps /app ./
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/miniapp/dist/h5 miniapp/dist/h5
COPY seeds seeds
# data/ holds a SQLite file when DB_URL points there; backups/ is npm run backup's default.
RUN mkdir -p data backups && chown node:node data backups
USER node
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The server drains requests for up to 25 s on SIGTERM: give it that (stop_grace_period in compose).
CMD ["node", "server/dist/main.js", "--no-demo"]
