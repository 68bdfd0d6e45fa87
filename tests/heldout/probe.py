# probe.py - check single sentences against the built-in rules, one signal each.
#   LORLINT=/tmp/gb/lorlint python3 tests/heldout/probe.py tests/heldout/probes.txt
# probes.txt: SIGNAL|EXPECTED|TEXT per line (\n in TEXT is a line break); '#' lines are skipped.
# These phrasings were written after the first held-out run, to test rule changes on wording
# that is in neither corpus/ nor tests/heldout/letters/.
import json,os,subprocess,sys
LORLINT=os.environ.get('LORLINT','build/lorlint')
probes=[l.rstrip('\n').split('|',2) for l in open(sys.argv[1],encoding='utf-8') if l.strip() and not l.startswith('#')]
bad=0
for sig,exp,text in probes:
    text=text.replace('\\n','\n')
    r=subprocess.run([LORLINT,'--format','json','--as-of','2026-11-27','-'],input=text.encode(),capture_output=True)
    d=json.loads(r.stdout)
    got=int(d['files'][0]['signals'][sig])
    if got!=int(exp):
        bad+=1; print(f"MISS {sig} exp={exp} got={got}: {text}")
print(f"{len(probes)-bad}/{len(probes)} ok")
