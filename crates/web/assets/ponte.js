// Ponte's own script, loaded before Bootstrap Italia. The bundled video player would inject
// <style> elements, which the Content-Security-Policy forbids: tell it not to.
window.VIDEOJS_NO_DYNAMIC_STYLE = true;
