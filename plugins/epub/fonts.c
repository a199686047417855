/*
 * fonts.c - embedded fonts as the stylesheet must declare them: each file
 * a face of a family, with its weight and style, read from the font
 * itself by FreeType. "Amiri-Regular.ttf" and "Amiri-Bold.ttf" are one
 * family, "Amiri", in weights 400 and 700, so a reading system uses the
 * bold face for bold text instead of smearing the regular one. A file
 * FreeType cannot open is not a font, whatever its name says.
 */
#include "epub.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <stdio.h>
#include <string.h>

int
epub_font_face(const char *path, struct font_face *face, const char **why)
{
	FT_Library lib;
	FT_Face f;
	const TT_OS2 *os2;
	int rc = -1;

	memset(face, 0, sizeof(*face));
	if (FT_Init_FreeType(&lib) != 0) {
		*why = "FreeType could not start";
		return -1;
	}
	if (FT_New_Face(lib, path, 0, &f) != 0) {
		*why =
		    "not a font FreeType can read (TrueType, OpenType, WOFF)";
	} else if (f->family_name == NULL || f->family_name[0] == '\0') {
		*why = "a font without a family name";
		FT_Done_Face(f);
	} else {
		snprintf(
		    face->family, sizeof(face->family), "%s", f->family_name);
		/* OS/2's weight class where the font has one; else what
		 * its style flags say. */
		os2 = FT_Get_Sfnt_Table(f, FT_SFNT_OS2);
		if (os2 && os2->version != 0xFFFF &&
		    os2->usWeightClass >= 100 && os2->usWeightClass <= 900)
			face->weight = os2->usWeightClass;
		else
			face->weight =
			    f->style_flags & FT_STYLE_FLAG_BOLD ? 700 : 400;
		face->italic = (f->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
		FT_Done_Face(f);
		rc = 0;
	}
	FT_Done_FreeType(lib);
	return rc;
}
