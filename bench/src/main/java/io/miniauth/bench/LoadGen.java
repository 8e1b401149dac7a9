package io.miniauth.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small closed-loop HTTP load generator for MiniAuth, on {@link HttpClient}. Each of
 * {@code --concurrency} clients sends one request, waits for the answer, and sends the
 * next. Runs on virtual threads when the JDK has them (21+), else on platform threads.
 * Every run is bounded: it stops after {@code --duration} seconds or when its minted
 * inputs (login codes) run out, whichever comes first. It only talks to the base URL it is
 * given (the scripts pass 127.0.0.1).
 *
 * <pre>
 * tokens  --users N --out FILE          log in N distinct users, write one access token a line
 * login   --kind new|returning          POST /user/login with codes minted ahead of time
 * refresh                               chained POST /user/token/refresh, one chain per client
 * open    --rate R --code-prefix P        POST /user/login at a fixed arrival rate (open loop)
 * </pre>
 *
 * The {@code open} mode is an open-loop generator: request {@code i} is due at
 * {@code start + i / rate}, whether or not earlier ones were answered, and its latency is
 * measured from when it was due, so a stall shows in the percentiles instead of slowing
 * the arrivals (no coordinated omission). Its codes are {@code P<i>}: for a WeChat stand-in
 * that accepts any code of that shape (the peer's mock takes {@code c-<anything>}).
 *
 * Prints one line: {@code RESULT requests=.. seconds=.. errors=.. p50=.. p99=.. p999=.. note=..}
 * (latencies in ms; the note is {@code codes-exhausted} when the login codes ran out) with the
 * server's {@code cpu=.. rss_mb=.. threads=.. machine=..} when given its {@code --pid}, plus
 * {@code ERRORS status:code=count ...} when there were any.
 */
public final class LoadGen {

	/** A login code in the emulator's answer, or the problem code in an error answer. */
	private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern REFRESH = Pattern.compile("\"refreshToken\"\\s*:\\s*\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private final Map<String, String> opts;

	private LoadGen(Map<String, String> opts) {
		this.opts = opts;
		this.base = opts.getOrDefault("base", "http://127.0.0.1:8080");
		if (!URI.create(this.base).getHost().startsWith("127.")) {
			throw new IllegalArgumentException("load goes to loopback only: " + this.base);
		}
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			System.err.println("usage: LoadGen tokens|login|refresh [--base URL] [--concurrency N] [--duration S] ...");
			System.exit(2);
		}
		Map<String, String> opts = new HashMap<>();
		for (int i = 1; i + 1 < args.length; i += 2) {
			opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		LoadGen gen = new LoadGen(opts);
		switch (args[0]) {
			case "tokens" -> gen.tokens();
			case "login" -> gen.login();
			case "refresh" -> gen.refresh();
			case "open" -> gen.openLoop();
			default -> throw new IllegalArgumentException("unknown mode " + args[0]);
		}
		System.exit(0);
	}

	private int intOpt(String name, int dflt) {
		return Integer.parseInt(this.opts.getOrDefault(name, String.valueOf(dflt)));
	}

	// ---------------------------------------------------------------- modes

	/** Logs in N distinct users and writes their access tokens, one a line. */
	private void tokens() throws Exception {
		int users = intOpt("users", 1000);
		String prefix = this.opts.getOrDefault("prefix", "me-" + System.nanoTime());
		List<String> tokens = new ArrayList<>(parallel(users, 32, (i) -> {
			String[] t = loginNew(prefix + "-" + i);
			return t[0];
		}));
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(this.opts.get("out"))))) {
			tokens.forEach(out::println);
		}
	}

	/** POST /user/login under load, with codes minted before the clock starts. */
	private void login() throws Exception {
		int concurrency = intOpt("concurrency", 200);
		int duration = intOpt("duration", 10);
		int max = intOpt("max", 6000);
		String kind = this.opts.getOrDefault("kind", "new");
		String prefix = this.opts.getOrDefault("prefix", "l-" + System.nanoTime());
		List<String> handles = new ArrayList<>(max);
		if ("returning".equals(kind)) {
			// a pool of users who already exist; each comes back max/pool times
			int pool = intOpt("pool", 500);
			parallel(pool, 32, (i) -> loginNew(prefix + "-" + i)[0]);
			for (int i = 0; i < max; i++) {
				handles.add(prefix + "-" + (i % pool));
			}
		}
		else {
			for (int i = 0; i < max; i++) {
				handles.add(prefix + "-" + i);
			}
		}
		ConcurrentLinkedQueue<String> codes = new ConcurrentLinkedQueue<>(
				parallel(max, 32, (i) -> mintCode(handles.get(i))));
		System.err.println("minted " + codes.size() + " codes");
		Run run = closedLoop(concurrency, duration, (client) -> {
			String code = codes.poll();
			if (code == null) {
				return null; // inputs used up: this client stops
			}
			return post("/user/login", "{\"code\":\"" + code + "\"}");
		});
		run.print(codes.isEmpty() ? "codes-exhausted" : "");
	}

	/** Chained refreshes: each client owns one session and always sends its newest token. */
	private void refresh() throws Exception {
		int concurrency = intOpt("concurrency", 64);
		int duration = intOpt("duration", 10);
		String prefix = this.opts.getOrDefault("prefix", "r-" + System.nanoTime());
		String[] chain = parallel(concurrency, 32, (i) -> loginNew(prefix + "-" + i)[1]).toArray(new String[0]);
		Run run = closedLoop(concurrency, duration, (client) -> {
			Answer answer = post("/user/token/refresh", "{\"refreshToken\":\"" + chain[client] + "\"}");
			if (answer.status == 200) {
				chain[client] = find(REFRESH, answer.body);
			}
			return answer; // any other answer is an error; a 401 (a broken chain) stops this client
		});
		run.print("");
	}

	/** POST /user/login at a fixed rate, each request on its own, latency from when it was due. */
	private void openLoop() throws Exception {
		int rate = intOpt("rate", 400);
		int duration = intOpt("duration", 10);
		String prefix = this.opts.getOrDefault("code-prefix", "c-open-" + System.nanoTime() + "-");
		int total = rate * duration;
		long[] latencies = new long[total];
		java.util.concurrent.atomic.AtomicIntegerArray done = new java.util.concurrent.atomic.AtomicIntegerArray(total);
		Map<String, Integer> errors = new java.util.concurrent.ConcurrentHashMap<>();
		java.util.concurrent.CountDownLatch answered = new java.util.concurrent.CountDownLatch(total);
		ServerProcess server = ServerProcess.of(this.opts);
		server.begin();
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
		for (int i = 0; i < total; i++) {
			long due = start + (long) (i * (1e9 / rate));
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			int index = i;
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/user/login"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.header("User-Agent", "miniauth-bench")
				.POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + prefix + i + "\"}"))
				.build();
			this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
				latencies[index] = System.nanoTime() - due;
				done.set(index, 1);
				if (failure != null) {
					errors.merge(failure.getClass().getSimpleName(), 1, Integer::sum);
				}
				else if (response.statusCode() / 100 != 2) {
					errors.merge(response.statusCode() + codeOf(response.body()), 1, Integer::sum);
				}
				answered.countDown();
			});
		}
		boolean all = answered.await(35, TimeUnit.SECONDS);
		long elapsed = System.nanoTime() - start;
		String serverStats = server.end(elapsed);
		long[] finished = new long[total];
		int n = 0;
		for (int i = 0; i < total; i++) {
			if (done.get(i) == 1) {
				finished[n++] = latencies[i];
			}
		}
		long[] sorted = Arrays.copyOf(finished, n);
		Arrays.sort(sorted);
		if (n < total) {
			errors.merge("unanswered", total - n, Integer::sum);
		}
		new Run(sorted, elapsed, new TreeMap<>(errors), serverStats).print(all ? "rate=" + rate : "rate=" + rate + ",unanswered");
	}

	// ---------------------------------------------------------------- helpers

	private String mintCode(String user) throws IOException, InterruptedException {
		Answer a = post("/emulator/wx/login", "{\"user\":\"" + user + "\"}");
		if (a.status != 200) {
			throw new IllegalStateException("wx/login answered " + a.status + ": " + a.body);
		}
		return find(CODE, a.body);
	}

	/** @return access token and refresh token of a fresh login */
	private String[] loginNew(String user) throws IOException, InterruptedException {
		Answer a = post("/user/login", "{\"code\":\"" + mintCode(user) + "\"}");
		if (a.status != 200) {
			throw new IllegalStateException("login answered " + a.status + ": " + a.body);
		}
		return new String[] { find(TOKEN, a.body), find(REFRESH, a.body) };
	}

	private static String find(Pattern p, String body) {
		Matcher m = p.matcher(body);
		if (!m.find()) {
			throw new IllegalStateException("no " + p + " in " + body);
		}
		return m.group(1);
	}

	private record Answer(int status, String body) {
	}

	private Answer post(String path, String json) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("User-Agent", "miniauth-bench")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body());
	}

	private interface Indexed<T> {

		T apply(int i) throws Exception;

	}

	/** Runs n tasks with a fixed parallelism (setup work, not measured). */
	private static <T> List<T> parallel(int n, int parallelism, Indexed<T> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(parallelism);
		try {
			List<java.util.concurrent.Future<T>> futures = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				int index = i;
				futures.add(pool.submit(() -> task.apply(index)));
			}
			List<T> results = new ArrayList<>(n);
			for (var f : futures) {
				results.add(f.get(120, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private interface Call {

		/** @return the answer, or null when this client has no more work */
		Answer call(int client) throws Exception;

	}

	private static ExecutorService clientThreads(int n) {
		try {
			// JDK 21+: one virtual thread per client
			return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
		}
		catch (ReflectiveOperationException ex) {
			return Executors.newFixedThreadPool(n);
		}
	}

	private Run closedLoop(int concurrency, int durationSeconds, Call call) throws InterruptedException {
		ServerProcess server = ServerProcess.of(this.opts);
		server.begin();
		long start = System.nanoTime();
		long deadline = start + TimeUnit.SECONDS.toNanos(durationSeconds);
		long[][] latencies = new long[concurrency][];
		int[] counts = new int[concurrency];
		List<Map<String, Integer>> errors = new ArrayList<>();
		for (int i = 0; i < concurrency; i++) {
			errors.add(new TreeMap<>());
		}
		AtomicInteger running = new AtomicInteger();
		ExecutorService threads = clientThreads(concurrency);
		for (int c = 0; c < concurrency; c++) {
			int client = c;
			latencies[c] = new long[1024];
			threads.execute(() -> {
				running.incrementAndGet();
				Map<String, Integer> myErrors = errors.get(client);
				while (System.nanoTime() < deadline) {
					long t0 = System.nanoTime();
					String failure = null;
					boolean stop = false;
					try {
						Answer a = call.call(client);
						if (a == null) {
							break;
						}
						if (a.status / 100 != 2) {
							failure = String.valueOf(a.status) + codeOf(a.body);
							stop = a.status == 401; // a refresh chain that broke cannot go on
						}
					}
					catch (Exception ex) {
						failure = ex.getClass().getSimpleName();
					}
					long took = System.nanoTime() - t0;
					if (counts[client] == latencies[client].length) {
						latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
					}
					latencies[client][counts[client]++] = took;
					if (failure != null) {
						myErrors.merge(failure, 1, Integer::sum);
					}
					if (stop) {
						break;
					}
				}
			});
		}
		threads.shutdown();
		threads.awaitTermination(durationSeconds + 60L, TimeUnit.SECONDS);
		long elapsed = System.nanoTime() - start;
		String serverStats = server.end(elapsed);
		int total = 0;
		for (int n : counts) {
			total += n;
		}
		long[] all = new long[total];
		int at = 0;
		for (int c = 0; c < concurrency; c++) {
			System.arraycopy(latencies[c], 0, all, at, counts[c]);
			at += counts[c];
		}
		Arrays.sort(all);
		Map<String, Integer> errorTotals = new TreeMap<>();
		errors.forEach((m) -> m.forEach((k, v) -> errorTotals.merge(k, v, Integer::sum)));
		return new Run(all, elapsed, errorTotals, serverStats);
	}

	/**
	 * The server's CPU time (utime+stime in /proc/PID/stat) and peak RSS (VmHWM, reset by
	 * writing 5 to /proc/PID/clear_refs) over the measured window only, so that minting
	 * codes and logging in users beforehand do not count.
	 */
	private record ServerProcess(String pid, int clockTicks, long[] ticksAtStart) {

		static ServerProcess of(Map<String, String> opts) {
			return new ServerProcess(opts.get("pid"), Integer.parseInt(opts.getOrDefault("clk-tck", "100")),
					new long[3]);
		}

		/** @return {busy, total} jiffies of the whole machine, from the first line of /proc/stat */
		static long[] machine() {
			try {
				String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				long total = 0;
				for (int i = 1; i < Math.min(f.length, 9); i++) {
					total += Long.parseLong(f[i]);
				}
				long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
				return new long[] { total - idle, total };
			}
			catch (IOException | RuntimeException ex) {
				return new long[] { 0, 0 };
			}
		}

		void begin() {
			if (this.pid == null) {
				return;
			}
			try {
				Files.writeString(Path.of("/proc", this.pid, "clear_refs"), "5");
			}
			catch (IOException | RuntimeException ex) {
				// not allowed here: VmHWM is then the peak since start
			}
			this.ticksAtStart[0] = cpuTicks();
			long[] m = machine();
			this.ticksAtStart[1] = m[0];
			this.ticksAtStart[2] = m[1];
		}

		String end(long elapsedNanos) {
			if (this.pid == null) {
				return "";
			}
			double cpuSeconds = (cpuTicks() - this.ticksAtStart[0]) / (double) this.clockTicks;
			long[] m = machine();
			long cores = Runtime.getRuntime().availableProcessors();
			double machineBusy = 100.0 * cores * (m[0] - this.ticksAtStart[1]) / Math.max(1, m[1] - this.ticksAtStart[2]);
			return String.format(java.util.Locale.ROOT, " cpu=%.0f rss_mb=%d threads=%d machine=%.0f",
					100.0 * cpuSeconds / (elapsedNanos / 1e9), status("VmHWM") / 1024, status("Threads"), machineBusy);
		}

		private long cpuTicks() {
			try {
				String stat = Files.readString(Path.of("/proc", this.pid, "stat"));
				String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15
			}
			catch (IOException ex) {
				return 0;
			}
		}

		private long status(String key) {
			try {
				for (String line : Files.readAllLines(Path.of("/proc", this.pid, "status"))) {
					if (line.startsWith(key + ":")) {
						return Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]);
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// fall through
			}
			return -1;
		}

	}

	private static String codeOf(String body) {
		Matcher m = CODE.matcher(body == null ? "" : body);
		return m.find() ? ":" + m.group(1) : "";
	}

	private record Run(long[] sorted, long elapsedNanos, Map<String, Integer> errors, String serverStats) {

		double percentileMs(double p) {
			if (this.sorted.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(p / 100.0 * this.sorted.length) - 1;
			return this.sorted[Math.max(0, Math.min(index, this.sorted.length - 1))] / 1e6;
		}

		void print(String note) {
			int errorCount = this.errors.values().stream().mapToInt(Integer::intValue).sum();
			System.out.printf(java.util.Locale.ROOT,
					"RESULT requests=%d seconds=%.3f errors=%d p50=%.3f p99=%.3f p999=%.3f note=%s%s%n",
					this.sorted.length, this.elapsedNanos / 1e9, errorCount, percentileMs(50), percentileMs(99),
					percentileMs(99.9), note.isEmpty() ? "-" : note, this.serverStats);
			if (errorCount > 0) {
				StringBuilder sb = new StringBuilder("ERRORS");
				this.errors.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
				System.out.println(sb);
			}
		}

	}

}
