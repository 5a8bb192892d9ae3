// Validates Kubernetes manifests against the API schemas shipped in the kubernetes-models package.
//   node validate-k8s.mjs FILE.yaml ...   exit 0 when every document is valid, else 1 with one line per fault
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

let faults = 0;
let documents = 0;
for (const file of process.argv.slice(2)) {
  for (const parsed of parseAllDocuments(readFileSync(file, "utf8"))) {
    const doc = parsed.toJS();
    if (doc === null) continue;
    documents++;
    const where = `${file}: ${doc.kind ?? "?"} ${doc.metadata?.name ?? "?"}`;
    const [group, version] = doc.apiVersion?.includes("/") ? doc.apiVersion.split("/") : [null, doc.apiVersion];
    let Model;
    try {
      Model = (await import(`kubernetes-models/${group ? `${group}/` : ""}${version}/${doc.kind}`))[doc.kind];
    } catch {
      console.log(`${where}: unknown apiVersion/kind ${doc.apiVersion}/${doc.kind}`);
      faults++;
      continue;
    }
    try {
      new Model(doc).validate();
    } catch (error) {
      console.log(`${where}: ${error.message.replace(/\s+/g, " ")}`);
      faults++;
    }
  }
}
console.log(`${documents} documents, ${faults} invalid`);
process.exit(faults === 0 && documents > 0 ? 0 : 1);
