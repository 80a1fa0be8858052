# syntax=docker/dockerfile:1
# Parla's container image: the server built and deployed by scripts/build-image.mjs (the script
# the tests run too), on a slim Node 20, as the non-root user `node`, with its data in /data.
#
#   docker build -t parla .
#   docker run -d --name parla -p 127.0.0.1:3000:3000 -v parla-data:/data \
#     -e PUBLIC_URL=https://chat.example.com -e SITE_ORIGINS="shop=https://shop.example.com" parla
#   docker exec -it parla node dist/cli.js admin create --email you@example.com --name "Your Name"
#
# compose.yaml does the same with `docker compose up -d --build`.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
# better-sqlite3's native module: a prebuilt binary when one matches, otherwise node-gyp compiles
# it from source, which needs python3, make and g++.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# pnpm: the version of package.json's "packageManager".
ARG PNPM_VERSION=10.34.9
RUN npm install -g pnpm@${PNPM_VERSION}
WORKDIR /src
COPY . .
# Install with the frozen lockfile, build, and `pnpm deploy --prod` the server into /out. The
# store is a build cache, so a rebuild does not download (nor compile better-sqlite3) again.
RUN --mount=type=cache,id=parla-pnpm-store,target=/root/.local/share/pnpm/store \
    node scripts/build-image.mjs /out

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
# The program belongs to root (the server cannot change it); only /data is the node user's.
COPY --from=build /out /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1: it receives docker stop's SIGTERM and closes gracefully (sockets drained,
# the last commit flushed) within 10 s.
CMD ["node", "dist/server.js"]
