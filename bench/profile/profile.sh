#!/usr/bin/env bash
# Profiles AriaPro with the .NET diagnostic tools pinned in .config/dotnet-tools.json (restored here,
# never installed by hand). From the repository root:
#   bench/profile/profile.sh orders   CPU of the load generator's embedded order run (thread-time samples)
#   bench/profile/profile.sh orders-alloc   what the embedded order run allocates, by type and by our nearest method (gc-verbose)
#   bench/profile/profile.sh memory   allocations of a 30-symbol auto-trading silo from its start (gc-verbose)
# Results go to .profile/; docs/PERFORMANCE.md says what the last run found.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=.profile
mkdir -p "$out"
dotnet tool restore >/dev/null
dotnet build -c Release bench/AriaPro.Load -v q >/dev/null
dotnet build -c Release bench/AriaPro.Profile -v q >/dev/null
case "${1:-orders}" in
  orders)
    data=$(mktemp -d)
    ARIA_LOAD_DATA_DIR="$data" dotnet dotnet-trace collect --profile dotnet-sampled-thread-time --format Speedscope \
      -o "$out/orders.nettrace" -- dotnet bench/AriaPro.Load/bin/Release/net10.0/AriaPro.Load.dll \
      --mode orleans --ops orders --duration 10 --warmup 3 --fractions 0.5
    python3 bench/profile/top.py "$out/orders.speedscope.json" --top 30 \
      --inclusive SqliteGrainStorage Serializ TraderGrain OrderGrain PaperBroker RiskGrain Orleans.Runtime.Messaging Serilog
    rm -rf "$data"
    ;;
  orders-alloc)
    data=$(mktemp -d)
    ARIA_LOAD_DATA_DIR="$data" dotnet dotnet-trace collect --profile gc-verbose -o "$out/orders-alloc.nettrace" \
      -- dotnet bench/AriaPro.Load/bin/Release/net10.0/AriaPro.Load.dll --mode orleans --ops orders --duration 10 --warmup 3 --fractions 0.5 >/dev/null
    dotnet bench/AriaPro.Profile/bin/Release/net10.0/AriaPro.Profile.dll "$out/orders-alloc.nettrace" --top 25 --code AriaPro.,Orleans.,Microsoft.Data.Sqlite.,Serilog.
    rm -rf "$data"
    ;;
  memory)
    symbols=EURUSD,GBPUSD,USDJPY,USDCHF,AUDUSD,NZDUSD,USDCAD,EURGBP,EURCHF,EURJPY,GBPJPY,USDSEK,USDNOK,USDDKK,USDSGD,USDHKD,USDCNH,USDPLN,USDCZK,USDILS,USDHUF,USDMXN,USDZAR,USDTRY,USDBRL,USDINR,USDTHB,USDKRW,AUDJPY,EURAUD
    ARIA_SYMBOLS=$symbols AUTO_TRADE_POS_LIMITS=$(echo "$symbols" | tr ',' '\n' | sed 's/$/:5/' | paste -sd,) \
    ARIA_AUTOTRADE=1 AI_BASE_ANALYSIS_INTERVAL=5 ARIA_STORAGE=memory ARIA_AUDIT_LOG=none ARIA_PAPER_LATENCY_MS=0 \
    ARIA_HTTP_URLS=http://127.0.0.1:0 ARIA_MODELS_DIR="$PWD/models" ARIA_ADMIN_API_KEY=profile-admin-key-0123456789abcdef \
      dotnet dotnet-trace collect --profile gc-verbose --duration 00:00:00:50 -o "$out/memory.nettrace" \
      -- dotnet src/Silo/bin/Release/net10.0/AriaPro.Silo.dll >/dev/null
    dotnet bench/AriaPro.Profile/bin/Release/net10.0/AriaPro.Profile.dll "$out/memory.nettrace" --top 12
    ;;
  *) echo "usage: bench/profile/profile.sh orders|orders-alloc|memory" >&2; exit 2 ;;
esac
