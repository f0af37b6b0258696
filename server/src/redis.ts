import { Cluster, Redis, type RedisOptions } from "ioredis";
import type { Config } from "./config.js";

/** A connection to the one Redis server or to a Redis Cluster: BullMQ, the event target and the limiters take either. */
export type RedisClient = Redis | Cluster;

/** Per-connection options both modes understand (in cluster mode they apply to each node's connection). */
export type RedisClientOptions = Pick<
  RedisOptions,
  "maxRetriesPerRequest" | "enableOfflineQueue" | "connectTimeout" | "commandTimeout" | "lazyConnect"
>;

/**
 * Opens a Redis connection in the configured mode: REDIS_CLUSTER_NODES makes it a cluster client (keys are
 * hash-tagged `{prefix}`, so BullMQ's multi-key scripts and the limiters' keys stay in one slot), otherwise a
 * plain client of REDIS_URL. Every process opens its connections here, never with `new Redis` directly.
 */
export function createRedis(config: Pick<Config, "redisUrl" | "redisClusterNodes">, options: RedisClientOptions = {}): RedisClient {
  if (!config.redisClusterNodes) return new Redis(config.redisUrl, options);
  const { enableOfflineQueue, lazyConnect, ...perNode } = options;
  return new Cluster(
    config.redisClusterNodes.map((n) => ({ host: n.host, port: n.port })),
    {
      redisOptions: perNode,
      ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
      ...(lazyConnect === undefined ? {} : { lazyConnect }),
      // While a master restarts, its slots answer CLUSTERDOWN/TRYAGAIN for a moment: retry instead of failing.
      retryDelayOnClusterDown: 300,
      retryDelayOnTryAgain: 300,
      // A restarted cluster comes back on the same addresses: keep trying the seed nodes for as long as it takes.
      clusterRetryStrategy: (times) => Math.min(200 * times, 2_000),
    },
  );
}
