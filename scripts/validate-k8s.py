"""Validates Kubernetes manifests (multi-document YAML files): every resource against the Kubernetes JSON schemas
that kubernetes-validate ships (strict: unknown fields are errors), Strimzi KafkaTopics (a CRD those schemas lack)
against deploy/k8s/schemas/kafkatopic.schema.json. Exit 1 naming each invalid resource."""
import json
import pathlib
import sys

import jsonschema
import kubernetes_validate
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
CRD_SCHEMAS = {("kafka.strimzi.io/v1beta2", "KafkaTopic"): json.loads((ROOT / "deploy/k8s/schemas/kafkatopic.schema.json").read_text())}
VERSION = "1.32.0"

errors, counts = [], {}
for file in sys.argv[1:]:
    for doc in yaml.safe_load_all(pathlib.Path(file).read_text()):
        if not doc:
            continue
        name = f"{file}: {doc.get('kind')}/{doc.get('metadata', {}).get('name')}"
        counts[doc.get("kind")] = counts.get(doc.get("kind"), 0) + 1
        schema = CRD_SCHEMAS.get((doc.get("apiVersion"), doc.get("kind")))
        try:
            if schema is not None:
                jsonschema.validate(doc, schema)
            else:
                kubernetes_validate.validate(doc, VERSION, strict=True)
        except (jsonschema.ValidationError, kubernetes_validate.ValidationError) as e:
            errors.append(f"{name}: {getattr(e, 'message', e)} at {'/'.join(str(p) for p in getattr(e, 'path', []))}")
        except kubernetes_validate.SchemaNotFoundError as e:
            errors.append(f"{name}: no schema ({e})")
for e in errors:
    print(e, file=sys.stderr)
print(f"{'invalid' if errors else 'valid'}: {sum(counts.values())} resources ({', '.join(f'{n} {k}' for k, n in sorted(counts.items()))}); {len(errors)} errors", file=sys.stderr)
sys.exit(1 if errors else 0)
