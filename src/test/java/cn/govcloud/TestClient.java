package cn.govcloud;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser as far as HTTP goes: a cookie jar, the CSRF token of the last page,
 * form posts and JSON calls against a running GovCloud. Or an API caller with a bearer
 * token.
 */
public final class TestClient {

	public static final String DEMO_PASSWORD = "GovCloud@2026";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private String csrf;

	private String bearer;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private TestClient(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	private TestClient(int port, TestClient same) {
		this.base = "http://localhost:" + port;
		this.http = same.http;
		this.csrf = same.csrf;
		this.bearer = same.bearer;
		this.headers.putAll(same.headers);
	}

	/**
	 * The same browser (cookie jar, CSRF token, headers) talking to another GovCloud node
	 * on this host: a load balancer without sticky sessions.
	 */
	public TestClient at(int port) {
		return new TestClient(port, this);
	}

	public static TestClient anonymous(int port) {
		return new TestClient(port);
	}

	/** Signs in through the login form; fails the test if the login is refused. */
	public static TestClient signedIn(int port, String username) {
		TestClient client = new TestClient(port);
		HttpResponse<String> response = client.login(username, DEMO_PASSWORD);
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("error")) {
			throw new AssertionError("Login of " + username + " failed: " + response.statusCode() + " " + location);
		}
		return client;
	}

	public static TestClient withToken(int port, String secret) {
		TestClient client = new TestClient(port);
		client.bearer = secret;
		return client;
	}

	/**
	 * Sends {@code name: value} with every later request, e.g. {@code Accept-Language} or
	 * {@code HX-Request}; {@code null} stops sending it.
	 */
	public TestClient header(String name, String value) {
		if (value == null) {
			this.headers.remove(name);
		}
		else {
			this.headers.put(name, value);
		}
		return this;
	}

	/**
	 * Posts the login form. On success it follows the redirects (as a browser would), so
	 * the CSRF token of the new session is at hand; the answer is the login post's own.
	 */
	public HttpResponse<String> login(String username, String password) {
		get("/login");
		HttpResponse<String> answer = postForm("/login", Map.of("username", username, "password", password));
		HttpResponse<String> next = answer;
		for (int hops = 0; hops < 3 && next.statusCode() == 302; hops++) {
			String location = next.headers().firstValue("Location").orElse("/");
			if (location.contains("/login")) {
				break;
			}
			next = get(URI.create(location).getPath());
		}
		return answer;
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET().header("Accept", "text/html,application/json"));
	}

	public HttpResponse<String> get(String path, String accept) {
		return send(request(path).GET().header("Accept", accept));
	}

	public HttpResponse<String> getJson(String path) {
		return send(request(path).GET().header("Accept", "application/json"));
	}

	/** A download, e.g. an Excel export: the body as bytes. */
	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (this.csrf != null) {
			all.put("_csrf", this.csrf);
		}
		String body = all.entrySet()
			.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-www-form-urlencoded"));
	}

	public HttpResponse<String> postJson(String path, String json) {
		return send(json(request(path), json).POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A session call without the CSRF token, as a forged cross-site request would be. */
	public HttpResponse<String> postJsonWithoutCsrf(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** Uploads one file and one text field as multipart/form-data. */
	public HttpResponse<String> postMultipartWithField(String path, String field, String value, String part,
			String fileName, byte[] content) {
		return postMultipartWithFields(path, Map.of(field, value), part, fileName, content);
	}

	/** Uploads one file and text fields as multipart/form-data. */
	public HttpResponse<String> postMultipartWithFields(String path, Map<String, String> fields, String part,
			String fileName, byte[] content) {
		String boundary = "----govcloud" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		fields
			.forEach((field, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
					+ field + "\"\r\n\r\n" + value + "\r\n")
				.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder builder = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (this.csrf != null && this.bearer == null) {
			builder.header("X-CSRF-TOKEN", this.csrf);
		}
		return send(builder);
	}

	/** Uploads one file as multipart/form-data under {@code part}. */
	public HttpResponse<String> postMultipart(String path, String part, String fileName, byte[] content) {
		String boundary = "----govcloud" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
		body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder builder = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (this.csrf != null && this.bearer == null) {
			builder.header("X-CSRF-TOKEN", this.csrf);
		}
		return send(builder);
	}

	/**
	 * Any request with a raw body (which may be malformed: invalid UTF-8, no multipart
	 * boundary), carrying the session's CSRF token like a script of the page would.
	 */
	public HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
		HttpRequest.Builder builder = request(path).header("Accept", "application/json")
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		if (this.csrf != null && this.bearer == null) {
			builder.header("X-CSRF-TOKEN", this.csrf);
		}
		return send(builder);
	}

	public HttpResponse<String> putJson(String path, String json) {
		return send(json(request(path), json).PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> delete(String path) {
		HttpRequest.Builder builder = request(path).DELETE().header("Accept", "application/json");
		if (this.csrf != null && this.bearer == null) {
			builder.header("X-CSRF-TOKEN", this.csrf);
		}
		return send(builder);
	}

	private HttpRequest.Builder json(HttpRequest.Builder builder, String json) {
		builder.header("Content-Type", "application/json").header("Accept", "application/json");
		if (this.csrf != null && this.bearer == null) {
			builder.header("X-CSRF-TOKEN", this.csrf);
		}
		return builder;
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path));
		this.headers.forEach(builder::header);
		if (this.bearer != null) {
			builder.header("Authorization", "Bearer " + this.bearer);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.http.send(builder.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Matcher matcher = CSRF.matcher(response.body());
			if (matcher.find()) {
				this.csrf = matcher.group(1);
			}
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Runs the calls at once, each on its own thread, released together by a latch. */
	@SafeVarargs
	public static List<HttpResponse<String>> race(java.util.function.Supplier<HttpResponse<String>>... calls)
			throws Exception {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(calls.length);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> futures = new java.util.ArrayList<>();
			for (var call : calls) {
				futures.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
					try {
						start.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return call.get();
				}, pool));
			}
			start.countDown();
			List<HttpResponse<String>> answers = new java.util.ArrayList<>();
			for (var future : futures) {
				answers.add(future.get(30, java.util.concurrent.TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
