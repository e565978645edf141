package com.personacomposer.image.provider;

/**
 * Fills the image prompt template with a request's name and description, word for word; only the description is
 * shortened when a model's prompt limit requires it, never the name.
 */
public final class PromptBuilder {

    static final String NAME = "${name}";
    static final String DESCRIPTION = "${description}";

    private final String template;

    public PromptBuilder(String template) {
        if (!template.contains(NAME)) {
            throw new IllegalArgumentException("the image prompt template must contain " + NAME);
        }
        this.template = template;
    }

    /** The prompt, whatever its length. */
    public String build(ImagePrompt prompt) {
        return fill(prompt.name(), prompt.description());
    }

    /**
     * The prompt in at most maxLength characters (code points), shortening the description if needed.
     *
     * @throws IllegalArgumentException when even an empty description does not fit (a template or limit mistake)
     */
    public String build(ImagePrompt prompt, int maxLength) {
        String full = fill(prompt.name(), prompt.description());
        if (length(full) <= maxLength) {
            return full;
        }
        int fixed = length(fill(prompt.name(), ""));
        int room = maxLength - fixed;
        if (room < 0 || !template.contains(DESCRIPTION)) {
            throw new IllegalArgumentException("the prompt for " + prompt.name() + " exceeds " + maxLength
                    + " characters even without its description");
        }
        return fill(prompt.name(), ImagePrompt.truncate(prompt.description(), room));
    }

    /** The longest prompt without a description: what a model's limit must leave room for. */
    public int lengthWithoutDescription(int nameLength) {
        return length(fill("x".repeat(nameLength), ""));
    }

    /** One pass over the template, so a name that contains "${description}" is never substituted again. */
    private String fill(String name, String description) {
        StringBuilder out = new StringBuilder(template.length() + name.length() + description.length());
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith(NAME, i)) {
                out.append(name);
                i += NAME.length();
            } else if (template.startsWith(DESCRIPTION, i)) {
                out.append(description);
                i += DESCRIPTION.length();
            } else {
                out.append(template.charAt(i++));
            }
        }
        return out.toString();
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
