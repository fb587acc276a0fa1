package cn.govcloud.security;

import java.io.IOException;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.AttachedFiles.StoredFile;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PostRedirect;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The monthly security bulletins (Art. 14): the list, the supplier's form, a bulletin.
 */
@Controller
@RequestMapping("/security-bulletins")
class BulletinController {

	private final Bulletins bulletins;

	private final DataScopes scopes;

	private final PostRedirect post;

	BulletinController(Bulletins bulletins, DataScopes scopes, PostRedirect post) {
		this.bulletins = bulletins;
		this.scopes = scopes;
		this.post = post;
	}

	@GetMapping
	@Allowed(Permission.READ_INSPECTIONS)
	String list(@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		PageLinks.list(model, "/security-bulletins", Map.of(),
				this.bulletins.search(this.scopes.current(), sort, page, 20));
		return (htmx != null) ? "security/bulletins :: result" : "security/bulletins";
	}

	@PostMapping
	@Allowed(Permission.PUBLISH_BULLETINS_AND_DRILLS)
	String publish(@RequestParam(required = false) YearMonth period,
			@RequestParam(required = false) String vulnerabilities, @RequestParam(required = false) String incidents,
			@RequestParam(required = false) String threats, @RequestParam(required = false) String advice,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		byte[] content = (file != null && !file.isEmpty()) ? file.getBytes() : null;
		String name = (file != null) ? file.getOriginalFilename() : null;
		return this.post.after("/security-bulletins", redirect, () -> this.bulletins.publish(this.scopes.current(),
				new BulletinForm(period, vulnerabilities, incidents, threats, advice), name, content));
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_INSPECTIONS)
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("b", this.bulletins.find(this.scopes.current(), id));
		return "security/bulletin";
	}

	@GetMapping("/{id}/document")
	@Allowed(Permission.READ_INSPECTIONS)
	ResponseEntity<byte[]> document(@PathVariable UUID id) {
		StoredFile stored = this.bulletins.document(this.scopes.current(), id)
			.orElseThrow(() -> new NotFoundException("document", id));
		return FileDownloads.of(stored);
	}

}
