package io.stagehunt.detect.network;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the {@code http-tls} detector knows about content: which MIME types are programs a host could run, and
 * which URI extensions promise inert content (images, text, style sheets, fonts, media, documents). MIME names as
 * sensors report them (Zeek's libmagic names, IANA registrations).
 */
final class ContentTypes {

    /** Executables, installers and scripts: Windows PE, ELF, Mach-O, MSI, Java archives, HTML applications. */
    private static final Set<String> EXECUTABLE = Set.of(
            "application/x-dosexec", "application/x-msdownload", "application/vnd.microsoft.portable-executable",
            "application/x-msdos-program", "application/x-executable", "application/x-elf",
            "application/x-sharedlib", "application/x-pie-executable", "application/x-mach-o-executable",
            "application/x-mach-binary", "application/x-msi", "application/x-ms-installer",
            "application/java-archive", "application/x-java-archive", "application/hta",
            "application/x-ms-shortcut", "application/x-bat", "application/x-powershell");

    /** Extensions of inert content, and the MIME type family each promises. */
    private static final Map<String, String> INERT = Map.ofEntries(
            Map.entry("jpg", "image"), Map.entry("jpeg", "image"), Map.entry("png", "image"),
            Map.entry("gif", "image"), Map.entry("bmp", "image"), Map.entry("ico", "image"),
            Map.entry("webp", "image"), Map.entry("svg", "image"), Map.entry("tif", "image"),
            Map.entry("txt", "text"), Map.entry("css", "text"), Map.entry("csv", "text"),
            Map.entry("htm", "text"), Map.entry("html", "text"), Map.entry("xml", "text"),
            Map.entry("json", "text"), Map.entry("woff", "font"), Map.entry("woff2", "font"),
            Map.entry("ttf", "font"), Map.entry("mp3", "audio"), Map.entry("wav", "audio"),
            Map.entry("mp4", "video"), Map.entry("webm", "video"), Map.entry("pdf", "document"));

    private ContentTypes() {
    }

    /**
     * The media type of a Content-Type value, lower case and without parameters: Suricata passes the raw header
     * ({@code application/x-msdownload; charset=binary}), Zeek a bare type. Null for null.
     */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int parameters = contentType.indexOf(';');
        String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return type.strip().toLowerCase(Locale.ROOT);
    }

    static boolean executable(String mimeType) {
        return mimeType != null && EXECUTABLE.contains(mediaType(mimeType));
    }

    /**
     * The extension of a URI's last path segment (query and fragment removed), lower case, or null when it has
     * none.
     */
    static String extension(String uri) {
        if (uri == null) {
            return null;
        }
        int end = uri.length();
        int query = uri.indexOf('?');
        if (query >= 0) {
            end = query;
        }
        int fragment = uri.indexOf('#');
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        int slash = uri.lastIndexOf('/', end - 1);
        int dot = uri.lastIndexOf('.', end - 1);
        if (dot <= slash || dot == end - 1 || end - dot > 6) {
            return null;
        }
        return uri.substring(dot + 1, end).toLowerCase(Locale.ROOT);
    }

    /** The content family an inert extension promises ({@code image}, {@code text} ...), or null. */
    static String promisedFamily(String extension) {
        return extension == null ? null : INERT.get(extension);
    }
}
