-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script for Gerbang: POSTs distinct, correctly signed WhatsApp webhooks.
--
--   wrk -t2 -c32 -d10s --latency -s bench/whatsapp.lua http://127.0.0.1:8080/whatsapp/webhook \
--       -- PAYLOADS THREADS
--
-- PAYLOADS is a file from gerbang-benchgen ("<hex signature>\t<body>" per line). THREADS must
-- equal wrk's -t: thread i takes lines i, i+THREADS, i+2*THREADS, ... so that no two requests
-- carry the same payload. Both may also come from the environment (BENCH_PAYLOADS,
-- BENCH_THREADS). BENCH_DELAY_MS=D in the environment paces each connection: wrk waits D ms
-- after every response before its next request, so C connections give about
-- C*1000/(D + latency) requests/s. (wrk decides whether a script has delay() when it loads it,
-- before any argument is seen: hence an environment variable.)
-- When a thread runs out of payloads it stops (its last request is a GET /health, which stores
-- nothing), so every POST it sent was distinct; with BENCH_WRAP=1 it starts again from its first
-- payload instead (counted as "wrapped": those requests are duplicates), which suits a server
-- that stores nothing. done() prints how many requests each thread generated.

-- wrk starts each thread as soon as its init() has run, but starts its clock only after the
-- last thread's init(). Loading a large payload file takes seconds, so without a barrier the
-- first thread would send for seconds before the clock starts and inflate the rate. Each
-- thread therefore writes PAYLOADS.ready.<tid> when loaded and, on its first request, waits
-- until every thread's marker exists. bench/run.sh removes old markers before each run.
local ffi = require("ffi")
ffi.cdef [[ int usleep(unsigned int usec); ]]

local threads = {}
local counter = 0

function setup(thread)
   thread:set("tid", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

local requests = {}
local count = 0
local nextIndex = 1
local pace = tonumber(os.getenv("BENCH_DELAY_MS") or "0") or 0
local wrap = os.getenv("BENCH_WRAP") == "1"
local stopRequest = nil

function init(args)
   local file = args[1] or os.getenv("BENCH_PAYLOADS")
   local nthreads = tonumber(args[2] or os.getenv("BENCH_THREADS") or "1")
   assert(file, "whatsapp.lua: pass the payload file: -- FILE THREADS")
   assert(tid < nthreads, "whatsapp.lua: THREADS must equal wrk -t (got " .. nthreads .. ")")
   local n = 0
   for line in io.lines(file) do
      if n % nthreads == tid then
         local tab = line:find("\t", 1, true)
         local sig, body = line:sub(1, tab - 1), line:sub(tab + 1)
         count = count + 1
         requests[count] = wrk.format("POST", nil, {
            ["Content-Type"] = "application/json",
            ["X-Hub-Signature-256"] = "sha256=" .. sig,
         }, body)
      end
      n = n + 1
   end
   assert(count > 0, "whatsapp.lua: no payloads for thread " .. tid)
   generated = 0
   wrapped = 0
   exhausted = 0
   loaded = count
   stopRequest = wrk.format("GET", "/health")
   markerPrefix = file .. ".ready."
   markerCount = nthreads
   local marker = assert(io.open(markerPrefix .. tid, "w"))
   marker:close()
end

local started = false
-- wrk calls thread 0's request() once from its main thread, right after thread 0's init(), to
-- check that the script returns a well-formed request. That call must not wait for the other
-- threads (they are not created yet) nor consume a payload.
local verified = false

local function waitForAllThreads()
   for i = 0, markerCount - 1 do
      while true do
         local f = io.open(markerPrefix .. i, "r")
         if f then
            f:close()
            break
         end
         ffi.C.usleep(1000)
      end
   end
   started = true
end

function request()
   if not started then
      if tid == 0 and not verified then
         verified = true
         return stopRequest
      end
      waitForAllThreads()
   end
   if nextIndex > count then
      if wrap then
         nextIndex = 1
         wrapped = wrapped + 1
      else
         exhausted = 1
         wrk.thread:stop()
         return stopRequest
      end
   end
   local r = requests[nextIndex]
   generated = generated + 1
   nextIndex = nextIndex + 1
   return r
end

if pace > 0 then
   function delay()
      return pace
   end
end

function done(summary, latency, requests_)
   -- Per thread: requests generated and payloads loaded, so bench/run.sh can tell exactly which
   -- payloads were sent (thread i sent lines i, i+T, ... of its first min(generated, loaded)).
   local gen, wraps, load, exh = {}, 0, {}, 0
   local genTotal = 0
   for _, t in ipairs(threads) do
      local g = t:get("generated") or 0
      table.insert(gen, g)
      table.insert(load, t:get("loaded") or 0)
      genTotal = genTotal + g
      wraps = wraps + (t:get("wrapped") or 0)
      exh = exh + (t:get("exhausted") or 0)
   end
   local secs = summary.duration / 1e6
   local errs = summary.errors
   io.write(string.format(
      "BENCH requests=%d duration_s=%.3f rps=%.1f non2xx=%d connect_err=%d read_err=%d " ..
      "write_err=%d timeout_err=%d generated=%d generated_per_thread=%s " ..
      "loaded_per_thread=%s wrapped=%d exhausted_threads=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f " ..
      "max_ms=%.3f mean_ms=%.3f\n",
      summary.requests, secs, summary.requests / secs, errs.status, errs.connect, errs.read,
      errs.write, errs.timeout, genTotal, table.concat(gen, ","), table.concat(load, ","), wraps, exh,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000,
      latency.mean / 1000))
end
