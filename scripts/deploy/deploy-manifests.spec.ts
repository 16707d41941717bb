import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load, loadAll, mergeTag } from 'js-yaml';
import { ALL_TOPICS, deadLetterTopicName } from '@gec/contracts';
import { PlatformMetrics } from '@gec/platform';
import { KAFKA_TOPICS_FILE, kafkaTopicsYaml } from './kafka-topics';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are checked field by field */
type Resource = Record<string, any>;

const SERVICES = readdirSync(join(ROOT, 'apps')).filter((name) => readdirSync(join(ROOT, 'apps', name, 'src')).includes('main.ts'));
const PORTS: Record<string, number> = { intake: 3101, metrics: 3102, rating: 3103, finance: 3104 };

/** The base's resources, as kustomization.yaml lists them. */
function baseResources(): Resource[] {
  const kustomization = load(read('deploy/k8s/base/kustomization.yaml')) as Resource;
  return (kustomization.resources as string[]).flatMap((file) => loadAll(read(`deploy/k8s/base/${file}`)).filter(Boolean) as Resource[]);
}

const resources = baseResources();
const named = (kind: string, name: string) => resources.find((r) => r.kind === kind && r.metadata?.name === name);

describe('deployment manifests', () => {
  it('finds the four services', () => {
    expect(SERVICES.sort()).toEqual(['finance', 'intake', 'metrics', 'rating']);
  });

  it(`${KAFKA_TOPICS_FILE} is what scripts/generate-kafka-topics.ts makes from libs/contracts (run it after changing a topic)`, () => {
    expect(read(KAFKA_TOPICS_FILE)).toBe(kafkaTopicsYaml());
  });

  it.each(ALL_TOPICS.flatMap((t) => [t.name, deadLetterTopicName(t.name)]))('has a Strimzi KafkaTopic for %s, with partitions and retention', (topic) => {
    const resource = named('KafkaTopic', topic);
    expect(resource).toBeDefined();
    expect(resource!.apiVersion).toBe('kafka.strimzi.io/v1beta2');
    expect(resource!.metadata.labels['strimzi.io/cluster']).toBe('gec-kafka');
    expect(resource!.spec.topicName).toBe(topic);
    expect(resource!.spec.partitions).toBeGreaterThanOrEqual(1);
    expect(resource!.spec.config['retention.ms']).toBeGreaterThan(0);
  });

  it('has no KafkaTopic the contracts do not name', () => {
    const known = new Set(ALL_TOPICS.flatMap((t) => [t.name, deadLetterTopicName(t.name)]));
    expect(resources.filter((r) => r.kind === 'KafkaTopic' && !known.has(r.spec.topicName))).toEqual([]);
  });

  describe.each(SERVICES)('%s', (service) => {
    const deployment = () => named('Deployment', service)!;
    const container = () => deployment().spec.template.spec.containers[0];
    const env = (name: string) => container().env.find((e: Resource) => e.name === name);

    it('has a Deployment of its image, running as a non-root user on a read-only root filesystem', () => {
      expect(deployment()).toBeDefined();
      expect(container().image).toBe(`gec/${service}:latest`);
      expect(deployment().spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      expect(container().securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
      expect(container().volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
    });

    it('is probed on /health/ready (readiness) and /health/live (liveness) of its port', () => {
      expect(container().readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      expect(container().livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container().ports).toEqual([{ name: 'http', containerPort: PORTS[service], protocol: 'TCP' }]);
      expect(env('PORT')).toEqual({ name: 'PORT', value: String(PORTS[service]) });
    });

    it('has CPU and memory requests and limits', () => {
      const { requests, limits } = container().resources;
      expect(Object.keys(requests).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(limits).sort()).toEqual(['cpu', 'memory']);
    });

    it('reads its own database from the MongoDB Secret and the shared settings from the ConfigMap', () => {
      expect(env('MONGO_DB').value).toBe(`gec_${service}`);
      expect(env('MONGO_URL').valueFrom.secretKeyRef).toEqual({ name: 'gec-mongo', key: `${service}-url` });
      expect(named('Secret', 'gec-mongo')!.stringData[`${service}-url`]).toMatch(/^mongodb:\/\/.*replicaSet=/);
      expect(container().envFrom).toEqual([{ configMapRef: { name: 'gec-config' } }, { secretRef: { name: 'gec-connections' } }]);
    });

    it('has a Service, a HorizontalPodAutoscaler on CPU and a PodDisruptionBudget', () => {
      const selector = { 'app.kubernetes.io/name': service };
      expect(named('Service', service)!.spec).toMatchObject({ selector, ports: [{ port: PORTS[service], targetPort: 'http' }] });
      expect(named('HorizontalPodAutoscaler', service)!.spec).toMatchObject({ scaleTargetRef: { kind: 'Deployment', name: service }, metrics: [{ resource: { name: 'cpu' } }] });
      expect(named('PodDisruptionBudget', service)!.spec.selector.matchLabels).toEqual(selector);
      expect(deployment().spec.template.metadata.labels).toMatchObject({ ...selector, 'gec/role': 'service' });
    });

    it('runs in compose with the same connections and a read-only filesystem', () => {
      const compose = load(read('deploy/compose/compose.yaml'), { schema: CORE_SCHEMA.withTags(mergeTag) }) as Resource;
      const composed = compose.services[service];
      expect(composed.read_only).toBe(true);
      expect(composed.build.args).toEqual({ SERVICE: service });
      expect(composed.environment).toMatchObject({ PORT: String(PORTS[service]), MONGO_DB: `gec_${service}`, KAFKA_BROKERS: 'kafka:9092', REDIS_URL: 'redis://redis:6379' });
      expect(composed.environment.MONGO_URL).toMatch(/replicaSet=rs0/);
    });
  });

  it('lets in from outside only the ingress controller and Prometheus, and routes neither /metrics nor the probes', () => {
    expect(named('NetworkPolicy', 'default-deny-ingress')!.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    const paths = named('Ingress', 'gec')!.spec.rules.flatMap((r: Resource) => r.http.paths.map((p: Resource) => p.path));
    expect(paths.filter((p: string) => p.startsWith('/metrics') || p.startsWith('/health') || p === '/')).toEqual([]);
  });

  it('builds images as a non-root user with a health check, from a context without node_modules or local state', () => {
    const dockerfile = read('deploy/docker/Dockerfile');
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/health\/live/m);
    expect(read('.dockerignore').split('\n')).toEqual(expect.arrayContaining(['**/node_modules', '.local', '.git']));
  });

  it("the Grafana dashboard only queries metrics the services serve", () => {
    const served = new Set<string>();
    for (const metric of new PlatformMetrics('test').registry.getMetricsAsArray()) served.add(metric.name);
    const dashboard = JSON.parse(read('deploy/grafana/gec-pipeline.json'));
    const queried = dashboard.panels.flatMap((p: Resource) => p.targets.flatMap((t: Resource) => t.expr.match(/gec_[a-z_]+/g)));
    expect(queried.length).toBeGreaterThan(10);
    expect(queried.map((m: string) => m.replace(/_(bucket|count|sum)$/, '')).filter((m: string) => !served.has(m))).toEqual([]);
  });
});
