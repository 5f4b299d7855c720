const { src, dest } = require('gulp');

// tsc compiles the code; icons are the only assets it does not copy.
function buildIcons() {
	return src(['icons/*.svg', 'nodes/**/*.svg'], { base: '.', encoding: false }).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
