package cn.govcloud.shared.web;

import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The base URL a pager appends {@code page=N} to: the list's path with its current
 * filters.
 */
public final class PageLinks {

	private PageLinks() {
	}

	/** {@code path?filter=value&…&} with blank filters left out. */
	public static String base(String path, Map<String, ?> filters) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		filters.forEach((name, value) -> {
			if (value != null && !value.toString().isBlank()) {
				builder.queryParam(name, value);
			}
		});
		String url = builder.encode().build().toUriString();
		return url + (url.contains("?") ? "&" : "?");
	}

}
