#!/usr/bin/env python3
"""Writes the nasty-case objects whose kubectl output the YAML and JSON writers must match.

Each case is one Kubernetes object (JSON). The goldens beside them are made by the real kubectl:
    ./make-goldens.sh
"""
import json, os

def obj(name, spec, kind="ConfigMap", api="v1", field="data"):
    return {"apiVersion": api, "kind": kind,
            "metadata": {"name": name, "namespace": "nasty", "labels": {"case": name}},
            field: spec}

yaml11 = ["y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
          "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "~", "null", "Null",
          "NULL", "", "<<", "=", "tRUE", "yES", "oN", "nULL"]
numbers = ["1", "-1", "+1", "1.0", "1.50", "0755", "0x1F", "0X1f", "0o17", "0b101", "-0b11", "1e3", "1E3",
           "1e+3", "1_000", ".5", "-.5", "1.", "08", "09.5", ".inf", "-.Inf", "+.INF", ".nan", ".NaN",
           "1:20", "-1:20", "190:20:30.15", "1:2:3:4", "2024-01-01", "2024-1-1", "2024-01-01T10:00:00Z",
           "2024-01-01t10:00:00.123+02:00", "2024-01-01 10:00:00", "2023-02-30", "2024-02-29",
           "2023-02-29", "12345678901234567890", "123456789012345678901234567890", "1e400", "0x",
           "0xFFFFFFFFFFFFFFFFFF", "-", "+", ".", "1.2.3", "1e", "e3", "0.1", "-0", "00", "1__0",
           "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551615",
           "18446744073709551616", "1-18-5", "v1", "1.18.5", "3.14e-10"]
specials = ["#comment", "a#b", "a #b", "a# b", "a: b", "a:b", "a:", ":a", "http://x:80/y", "- a", "-a",
            "--", "---", "--- a", "...", "... a", "a - b", "'single'", "\"double\"", "it's", "&anchor",
            "*alias", "!tag", "%percent", "@at", "`backtick", "|pipe", ">gt", "?q", "? q", "[a]", "{a}",
            "a,b", ",", "a, b", "[", "]", "{", "}", "a]", "a}", "a{b}", "a[0]", "\\", "\\n literal",
            "a\"b", "a'b", "?", ":", "- ", " -", "key: value # c", "*", "&", "!", "|", ">", "%", "@"]
unicode = ["ünïcödé", "日本語", "🚀 rocket", "עברית", "e\u0301", "\u00a0nbsp", "zero\u200bwidth",
           "mid\ufeffbom", "ctl\u0001x",
           "bell\u0007", "esc\u001b[0m", "\u00ff", "\U0001f600"]
spaces = [" lead", "trail ", "  both  ", " ", "  ", "\ttab", "a\tb", "trailing\t", "\t", "a  b",
          "nul\u0000x", "cr\rx", "crlf\r\nx"]
multiline = ["a\nb", "a\nb\n", "a\nb\n\n", "\na", "\n", "\n\n", " a\nb", "a\n b", "a \nb", "a\n\n",
             "a\tb\nc", "# not a comment\nb", "- a\n- b\n", "key: value\nother: x\n", "---\nx\n",
             "  indented\n  block\n", "a\r\nb\r\n", "trailing spaces   \nline\n", "\ttab first\nx",
             "x\n\ttab second\n", "ends with space \n", "a\n\n\nb\n\n\n"]
long_space = ("this is a very long string with spaces that kubectl folds when it is wider than eighty "
              "columns, which happens all the time in annotations and descriptions of objects")
long_nospace = "x" * 300
long_url = "https://example.com/" + "/".join(["segment%d" % i for i in range(30)])
longs = {
    "spaces": long_space, "nospace": long_nospace, "url": long_url,
    "quoted-long": " " + long_space, "long-with-colon": long_space.replace(" which", ": which"),
    "long-yes": long_space + " yes", "long-hash": long_space.replace(" which", " #which"),
    "exactly-80": "a " * 39 + "bc", "long-two-spaces": long_space.replace(" ", "  "),
    "long-tab": long_space.replace(" which", "\twhich"), "long-unicode": ("ünïcödé " * 20).strip(),
    "long-multiline": (long_space + "\n") * 3,
    "k" * 130: "long key over 128 characters",
}

# Where kubectl's output is lossy or quirky, meshdump keeps the meaning instead: go-yaml v2
# writes NEL as a space, folds at LS/PS, and escapes every character of a string that starts
# with a BOM; it writes a `<<` key plain, which reads back as a merge key. These are compared by
# meaning (read back), not byte for byte.
exotic = ["nel\u0085x", "line\u2028sep", "para\u2029sep", "\ufeffbom", "\ufeff"]

def less(a, b):
    """go-yaml v2's keyList.Less for two strings (kubectl's YAML key order), with Go's int64
    wrap-around for long digit runs."""
    wrap = lambda n: (n + 2**63) % 2**64 - 2**63
    import unicodedata
    letter = lambda c: unicodedata.category(c).startswith("L")
    digit = lambda c: unicodedata.category(c) == "Nd"
    for i in range(min(len(a), len(b))):
        if a[i] == b[i]:
            continue
        al, bl = letter(a[i]), letter(b[i])
        if al and bl:
            return a[i] < b[i]
        if al or bl:
            return bl
        an = bn = 0
        if a[i] == "0" or b[i] == "0":
            j = i - 1
            while j >= 0 and digit(a[j]):
                if a[j] != "0":
                    an = bn = 1
                    break
                j -= 1
        ai = i
        while ai < len(a) and digit(a[ai]):
            an = wrap(an * 10 + ord(a[ai]) - 48)
            ai += 1
        bi = i
        while bi < len(b) and digit(b[bi]):
            bn = wrap(bn * 10 + ord(b[bi]) - 48)
            bi += 1
        if an != bn:
            return an < bn
        if ai != bi:
            return ai < bi
        return a[i] < b[i]
    return len(a) < len(b)

def consistent(keys):
    """The keys, less any that make kubectl's key order intransitive. kubectl sorts keys in
    Go's random map order with that order, so its output for such sets changes between runs."""
    kept = []
    for k in keys:
        trial = kept + [k]
        if any(less(a, b) and less(b, c) and not less(a, c)
               for a in trial for b in trial for c in trial if len({a, b, c}) == 3):
            continue
        kept.append(k)
    return kept

cases = {}
cases["yaml11-values"] = obj("yaml11-values", {"v%02d" % i: s for i, s in enumerate(yaml11)})
cases["yaml11-keys"] = obj("yaml11-keys", {s: "x" for s in yaml11 if s and s != "<<"})
cases["numbers-as-strings"] = obj("numbers-as-strings", {"n%02d" % i: s for i, s in enumerate(numbers)})
cases["number-keys"] = obj("number-keys", {s: "x" for s in consistent(numbers)})
cases["exotic-line-breaks"] = obj("exotic-line-breaks", dict({"e%02d" % i: s for i, s in enumerate(exotic)}, **{"<<": "not a merge key"}))
cases["specials"] = obj("specials", {"s%02d" % i: s for i, s in enumerate(specials)})
cases["special-keys"] = obj("special-keys", {s: "x" for s in specials})
cases["unicode"] = obj("unicode", {"u%02d" % i: s for i, s in enumerate(unicode)})
cases["spaces-and-tabs"] = obj("spaces-and-tabs", {"w%02d" % i: s for i, s in enumerate(spaces)})
cases["multiline"] = obj("multiline", {"m%02d" % i: s for i, s in enumerate(multiline)})
cases["long-strings"] = obj("long-strings", longs)
cases["sequences"] = obj("sequences", {
    "strings": yaml11[:6] + specials[:10] + multiline[:4] + [long_space],
    "nested": [[], [[]], [{}], [["a", "b"], ["c"]], [{"a": 1}, {"b": [1, 2]}]],
    "maps": [{"name": "a", "value": "yes"}, {"name": "b", "value": "a: b", "list": ["- x"]}, {}],
}, kind="Thing", api="example.com/v1", field="spec")
cases["empties"] = obj("empties", {
    "emptyMap": {}, "emptyList": [], "listOfEmptyMap": [{}], "nestedEmpty": {"a": {}, "b": [], "c": {"d": {}}},
    "emptyString": "", "null": None, "listOfEmptyList": [[]], "deep": {"a": {"b": {"c": {"d": [{}, [], {"e": {}}]}}}},
}, kind="Thing", api="example.com/v1", field="spec")
cases["scalars"] = obj("scalars", {
    "int": 1, "negative": -42, "zero": 0, "big": 9007199254740993, "float": 1.5, "small": 0.001,
    "true": True, "false": False, "null": None, "weight": 100, "ratio": 0.25,
}, kind="Thing", api="example.com/v1", field="spec")
cases["key-order"] = obj("key-order", {k: k for k in consistent([
    "a10", "a9", "b", "Z", "_x", "8080", "10000", "a", "A", "a01", "a1", "ä", "a-b", "a.b", "a_b", "a/b",
    "1a", "01", "001", "a001", "a0", "a00", "x86_64", "x8664", "É", "é", "ß", "-", ".", "$ref", "@type",
    "v1beta1", "v1alpha3", "v1", "v10", "v2", "port9080", "port80", "10", "9", "0"])})
lua = '''function envoy_on_request(request_handle)
  -- a comment: with a colon
  local path = request_handle:headers():get(":path")
  if path == "/health" then
    request_handle:respond({[":status"] = "200"}, "ok # not a comment")
  end
\tlocal tabbed = "x"   
end

function envoy_on_response(response_handle)
  response_handle:headers():add("x-yes", "yes")
end
'''
cases["envoyfilter-lua"] = {
    "apiVersion": "networking.istio.io/v1alpha3", "kind": "EnvoyFilter",
    "metadata": {"name": "lua-filter", "namespace": "istio-system", "labels": {"case": "envoyfilter-lua"}},
    "spec": {"workloadSelector": {"labels": {"app": "reviews"}},
             "configPatches": [{"applyTo": "HTTP_FILTER",
                                "match": {"context": "SIDECAR_INBOUND", "listener": {"portNumber": 8080,
                                          "filterChain": {"filter": {"name": "envoy.filters.network.http_connection_manager",
                                                                      "subFilter": {"name": "envoy.filters.http.router"}}}}},
                                "patch": {"operation": "INSERT_BEFORE", "value": {
                                    "name": "envoy.lua", "typed_config": {
                                        "@type": "type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua",
                                        "inlineCode": lua, "empty": {}, "emptyList": []}}}}]}}
cases["authz-allow-all"] = {
    "apiVersion": "security.istio.io/v1", "kind": "AuthorizationPolicy",
    "metadata": {"name": "allow-all", "namespace": "team-a", "labels": {"case": "authz-allow-all"}},
    "spec": {"action": "ALLOW", "rules": [{}], "selector": {"matchLabels": {}}}}
cases["virtualservice-headers"] = {
    "apiVersion": "networking.istio.io/v1", "kind": "VirtualService",
    "metadata": {"name": "reviews", "namespace": "team-a", "labels": {"case": "virtualservice-headers"},
                 "annotations": {"description": long_space}},
    "spec": {"hosts": ["reviews"], "exportTo": [], "http": [
        {"name": "presence", "match": [{"headers": {"x-user": {}}}], "route": [{"destination": {"host": "reviews", "subset": "v2"}, "weight": 100}]},
        {"name": "default", "route": [{"destination": {"host": "reviews.team-a.svc.cluster.local", "port": {"number": 9080}}}], "timeout": "1.5s"}]}}

here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(os.path.join(here, "cases"), exist_ok=True)
for name, value in cases.items():
    with open(os.path.join(here, "cases", name + ".json"), "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=2)
        f.write("\n")
print(len(cases), "cases")
