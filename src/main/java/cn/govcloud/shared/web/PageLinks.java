package cn.govcloud.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.govcloud.shared.Page;

import org.springframework.ui.Model;
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

	/**
	 * What the list fragment ({@code fragments/list}) links with: {@code listBase} (the
	 * path with its filters, for the sorting headers), {@code pagerBase} (the same with
	 * the order in force, for the pager) and {@code sort} (that order, or {@code null}).
	 */
	public static void list(Model model, String path, Map<String, ?> filters, Page<?> result) {
		model.addAttribute("result", result);
		model.addAttribute("sort", result.sort());
		model.addAttribute("listBase", base(path, filters));
		Map<String, Object> sorted = new LinkedHashMap<>(filters);
		sorted.put("sort", result.sort());
		model.addAttribute("pagerBase", base(path, sorted));
	}

}
