/**
 * Where the services listen; the defaults avoid a developer's own Kafka (9092), OpenSearch (9200)
 * Zipkin (9411) and Prometheus (9090).
 */
export const endpoints = {
  mysql: {
    host: process.env.SHOP_MYSQL_HOST ?? '127.0.0.1',
    port: Number(process.env.SHOP_MYSQL_PORT ?? 3306),
  },
  redisUrl: process.env.SHOP_REDIS_URL ?? 'redis://127.0.0.1:6379',
  kafka: { port: Number(process.env.SHOP_KAFKA_PORT ?? 19092) },
  opensearch: { port: Number(process.env.SHOP_OPENSEARCH_PORT ?? 19200) },
  zipkin: { port: Number(process.env.SHOP_ZIPKIN_PORT ?? 19411) },
  prometheus: { port: Number(process.env.SHOP_PROMETHEUS_PORT ?? 19090) },
};

export const kafkaBrokers = `127.0.0.1:${endpoints.kafka.port}`;
export const opensearchUrl = `http://127.0.0.1:${endpoints.opensearch.port}`;
export const zipkinUrl = `http://127.0.0.1:${endpoints.zipkin.port}`;
export const prometheusUrl = `http://127.0.0.1:${endpoints.prometheus.port}`;
