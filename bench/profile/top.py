#!/usr/bin/env python3
"""Top methods of a dotnet-trace speedscope file (profile dotnet-sampled-thread-time).

Only samples whose leaf is CPU_TIME (managed code running) count; a thread blocked or in native
code (UNMANAGED_CODE_TIME) is not CPU the runtime can attribute. Prints the methods by exclusive
CPU (the frame under CPU_TIME) and, with --inclusive PATTERN..., the share of CPU under each
pattern's frames (a sample counts once per pattern).

usage: top.py FILE.speedscope.json [--top N] [--inclusive PATTERN ...]
"""
import collections
import json
import sys


def main(argv):
    path = argv[1]
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 40
    patterns = argv[argv.index("--inclusive") + 1:] if "--inclusive" in argv else []
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    exclusive = collections.Counter()
    inclusive = collections.Counter()
    total = 0.0
    for profile in data["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            at = event["at"]
            if stack and last is not None and frames[stack[-1]] == "CPU_TIME":
                span = at - last
                total += span
                exclusive[frames[stack[-2]] if len(stack) > 1 else "?"] += span
                names = [frames[f] for f in stack]
                for pattern in patterns:
                    if any(pattern in n for n in names):
                        inclusive[pattern] += span
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            else:
                stack.pop()
    print(f"managed CPU sampled: {total / 1000:.0f} ms")
    for name, span in exclusive.most_common(top):
        print(f"{span / total * 100:5.1f}%  {name[:170]}")
    for pattern in patterns:
        print(f"inclusive {inclusive[pattern] / total * 100:5.1f}%  {pattern}")


if __name__ == "__main__":
    main(sys.argv)
