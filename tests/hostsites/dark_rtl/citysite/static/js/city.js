// The city's own script: marks the page as scripted (its components check for it).
document.documentElement.classList.add("js");
