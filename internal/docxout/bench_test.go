package docxout_test

import (
	"path/filepath"
	"testing"

	"unireport/internal/compose"
	"unireport/internal/document"
	"unireport/internal/docxout"
	"unireport/internal/edition"
)

// BenchmarkRender2017 writes the composed 2017 report as a DOCX, without
// the layout (which the build shares with the PDF).
func BenchmarkRender2017(b *testing.B) {
	root := filepath.Join("..", "..")
	e, diags := edition.Load(filepath.Join(root, "data", "2017"))
	if err := diags.Err(); err != nil {
		b.Fatal(err)
	}
	md, cdiags := compose.Compose(e, filepath.Join(root, "templates"))
	if err := cdiags.Err(); err != nil {
		b.Fatal(err)
	}
	doc := document.Parse(md)
	for b.Loop() {
		if _, err := docxout.Render(doc, docxout.Options{Properties: document.Properties{Lang: "en"}}); err != nil {
			b.Fatal(err)
		}
	}
}
