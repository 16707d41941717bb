#!/usr/bin/env node
// Readiness probe for the local infrastructure.
//
//   node deploy/local/wait-ready.js <kafka|mongo|redis> <url> <timeoutMs> [pid]
//
// Retries until the component really works (not just until its port opens):
//   kafka: produce a message to __gec_ready and consume it back
//   mongo: ping, then insert + find + delete a document
//   redis: PING -> PONG
// With a pid, gives up at once if that process has exited.
// Exit 0 when ready, 1 otherwise (the last error on stderr).
'use strict';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const crypto = require('node:crypto');
const fs = require('node:fs');

const READY_TOPIC = '__gec_ready';
const ATTEMPT_PAUSE_MS = 500;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A zombie counts as dead: it is what an exited server leaves under an init that does not reap.
function isAlive(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

// Rejects after ms, so one hung attempt cannot outlive the overall deadline.
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function probeKafka(url, budgetMs) {
  const { Kafka, logLevel } = require('kafkajs');
  const kafka = new Kafka({
    clientId: 'gec-ready-probe',
    brokers: url.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { retries: 2, initialRetryTime: 200 },
  });
  const token = crypto.randomUUID();
  const groupId = `gec-ready-${token}`;
  const admin = kafka.admin();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  try {
    await admin.connect();
    const topics = await admin.listTopics();
    if (!topics.includes(READY_TOPIC)) {
      await admin
        .createTopics({
          waitForLeaders: true,
          topics: [
            {
              topic: READY_TOPIC,
              numPartitions: 1,
              replicationFactor: 1,
              configEntries: [{ name: 'retention.ms', value: String(60 * 60 * 1000) }],
            },
          ],
        })
        .catch((err) => {
          // Another probe may have created it in between.
          if (err.type !== 'TOPIC_ALREADY_EXISTS' && !/already exists/i.test(String(err.message))) throw err;
        });
    }

    await producer.connect();
    await producer.send({ topic: READY_TOPIC, acks: -1, messages: [{ value: token }] });

    await consumer.connect();
    await consumer.subscribe({ topics: [READY_TOPIC], fromBeginning: true });
    await withTimeout(
      new Promise((resolve, reject) => {
        consumer
          .run({
            eachMessage: async ({ message }) => {
              if (message.value && message.value.toString() === token) resolve();
            },
          })
          .catch(reject);
      }),
      budgetMs,
      'consuming the probe message',
    );
  } finally {
    await consumer.disconnect().catch(() => {});
    await admin.deleteGroups([groupId]).catch(() => {});
    await producer.disconnect().catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}

async function probeMongo(url) {
  const { MongoClient } = require('mongoose').mongo;
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 3000, connectTimeoutMS: 3000 });
  try {
    await client.connect();
    const db = client.db('gec_ready');
    await db.command({ ping: 1 });
    const probes = db.collection('probes');
    const token = crypto.randomUUID();
    await probes.insertOne({ token, at: new Date() });
    const found = await probes.findOne({ token });
    if (!found) throw new Error('inserted probe document was not found');
    await probes.deleteOne({ token });
  } finally {
    await client.close().catch(() => {});
  }
}

async function probeRedis(url) {
  const Redis = require('ioredis');
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {}); // reported through the awaited calls instead
  try {
    await client.connect();
    const reply = await client.ping();
    if (reply !== 'PONG') throw new Error(`PING answered ${reply}`);
  } finally {
    client.disconnect();
  }
}

const ATTEMPT_MAX_MS = 20000;

const probes = { kafka: probeKafka, mongo: probeMongo, redis: probeRedis };

async function main() {
  const [component, url, timeoutArg, pidArg] = process.argv.slice(2);
  const probe = probes[component];
  const timeoutMs = Number(timeoutArg);
  if (!probe || !url || !(timeoutMs > 0)) {
    console.error('usage: wait-ready.js <kafka|mongo|redis> <url> <timeoutMs> [pid]');
    return 2;
  }
  const pid = pidArg ? Number(pidArg) : undefined;
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (let attempt = 1; Date.now() < deadline; attempt++) {
    if (pid && !isAlive(pid)) {
      console.error(`${component}: process ${pid} exited before it was ready`);
      return 1;
    }
    // One attempt never takes the whole budget: a client stuck on a broker that was still starting tries afresh.
    const left = Math.min(deadline - Date.now(), ATTEMPT_MAX_MS);
    try {
      await withTimeout(probe(url, left), left, `${component} probe`);
      return 0;
    } catch (err) {
      lastError = err;
    }
    await sleep(ATTEMPT_PAUSE_MS);
  }
  console.error(`${component}: not ready at ${url} after ${timeoutMs} ms: ${lastError ? lastError.message : 'no attempt'}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
