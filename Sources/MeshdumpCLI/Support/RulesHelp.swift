/// The rules-file syntax, as `meshdump help rules` prints it: the README's "The rules file"
/// section, word for word (a test keeps the two the same).
enum RulesHelp {
    static let text = #"""
```yaml
apiVersion: meshdump/v1
kind: Rules
namespaces:            # mesh-wide moves; every reference follows
  team-000: payments
hosts:                 # exact names or *.suffix wildcards, in every host-bearing field
  "*.shop.example.com": "*.shop.example.org"
gateways:              # references to Gateway objects, as namespace/name
  istio-system/ingress-0: istio-ingress/public
gatewaySelectors:      # Gateway spec.selector: when it holds every `from` label, swap them for `to`
  - from: {istio: ingressgateway}
    to: {istio: ingressgateway-intranet}
trustDomain: {from: cluster.local, to: mesh.example.com}
clusterDomain: cluster.local   # the default
revision: {from: 1-18-5, to: null}   # istio.io/rev labels; null removes the label
rules:                 # per-object edits, in order, each on the objects its match selects
  - name: drop TCM bookkeeping
    match: {kinds: [VirtualService, gw], namespaces: ["team-*"], names: ["*"], labels: "app.kubernetes.io/managed-by=tcm"}
    removeLabels: [app.kubernetes.io/managed-by]
    setLabels: {migrated-from: tcm}
  - match: {kinds: [EnvoyFilter], where: [{path: /spec/workloadSelector/labels/app, equals: legacy}]}
    drop: true
  - match: {kinds: [DestinationRule]}
    patch:             # RFC 6902: add, remove, replace, move, copy, test
      - {op: replace, path: /spec/trafficPolicy/loadBalancer/simple, value: ROUND_ROBIN}
```

- **Rules** run in order on the object as exported; each sees what the rules before it did. The
  mappings apply afterwards. `match` takes kinds (kind, resource or short name), namespace and
  name globs (`* ? [a-z] [!0-9]`), a label selector (`kubectl -l` syntax, or a mapping) and
  `where` (a JSON Pointer equal to a value). An empty match selects everything.
- **Within a rule**, the patch runs first, then `removeLabels`, `setLabels`, `removeAnnotations`
  and `setAnnotations`. A failing `test` op skips the rule for that object (counted in the
  report); any other patch failure is an error naming the object, and nothing is written.
- **A namespace move A → B** changes `metadata.namespace` and every field that names A:
  in-cluster hosts `x.A.svc[.<clusterDomain>]` wherever a host is written; `A/…` gateway and host
  prefixes (Sidecar's `~A/…` too); exportTo and its annotation, `sourceNamespace`, delegates and
  targetRefs; AuthorizationPolicy namespaces, `source.namespace` conditions and service
  accounts; principals and SPIFFE IDs (`<td>/ns/A/sa/S`); Envoy cluster and virtual host names,
  `jwksUri` and WasmPlugin URLs; Namespace objects.
- **`hosts`, `gateways` and `trustDomain`** follow the same fields. Short hosts (`reviews`) stay:
  they are relative to the object's own namespace. A gateway mapping redirects references, not
  the Gateway object.
- **Origins** are rewritten in every form that names a whole host, so a CORS policy and the
  `origin` header match beside it never disagree after a move: `corsPolicy.allowOrigins[]`
  `exact` and `prefix` alike (and the older `allowOrigin[]`), and `headers.origin` /
  `withoutHeaders.origin` `exact` and `prefix`. A prefix that ends inside a host name
  (`https://team-000.`) cannot be and is reported.
- **Regular expressions** (`allowOrigins[].regex`, `uri.regex`, `authority.regex`,
  `headers.origin.regex`) are never rewritten; one that mentions a mapped name, escaped dots and
  all (`reviews\.team-000\.svc`), is reported.
- **Strings that merely mention an old name** (header values, Lua scripts, EnvoyFilter patches,
  JWT issuers, patterns such as `team-*`) are never changed; each is reported as a warning with
  the field it is in:
  `warning: EnvoyFilter payments/x: mentions team-000; not rewritten (at spec.configPatches[0].patch.value…)`.

Commented examples to copy: `rules/tcm-to-istio.yaml`, `rules/namespace-move.yaml`,
`rules/hosts-and-gateways.yaml`, `rules/patches.yaml`.
"""#
}
