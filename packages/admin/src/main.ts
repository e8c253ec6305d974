import './page.css';
import './shell/console-app.js';
